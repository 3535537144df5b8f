# METADATA
# title: "MWAA environment sends scheduler logs to CloudWatch"
# description: "Airflow scheduler logs are needed to investigate failing or tampered DAG runs. The environment passes when `logging_configuration.scheduler_logs.enabled` is true."
# custom:
#   id: IACPAC_AWS_MWAA_002
#   severity: low
#   resource_types: [aws_mwaa_environment]
#   checkov: [CKV_AWS_242]
#   remediation: "Add logging_configuration { scheduler_logs { enabled = true, log_level = \"INFO\" } }."
package iacpac.aws.mwaa.environment_scheduler_logs

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_mwaa_environment")
	not enabled(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("MWAA environment %s does not send scheduler logs to CloudWatch", [rc.address]),
	}
}

enabled(rc) if {
	some configuration in tf.blocks(tf.after(rc), "logging_configuration")
	some logs in tf.blocks(configuration, "scheduler_logs")
	logs.enabled == true
}

enabled(rc) if tf.unknown(rc).logging_configuration == true
