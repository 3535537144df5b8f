# METADATA
# title: "MSK cluster logs broker activity"
# description: "Broker logs (CloudWatch Logs, Firehose or S3) record client connections and errors."
# custom:
#   id: IACPAC_AWS_MSK_001
#   severity: medium
#   resource_types: [aws_msk_cluster]
#   checkov: [CKV_AWS_80]
#   remediation: "Add logging_info { broker_logs { cloudwatch_logs { enabled = true, log_group = ... } } }."
package iacpac.aws.msk.cluster_logging

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_msk_cluster")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("MSK cluster %s does not log broker activity", [rc.address]),
	}
}

ok(rc) if {
	some info in tf.blocks(tf.after(rc), "logging_info")
	some logs in tf.blocks(info, "broker_logs")
	some destination in ["cloudwatch_logs", "firehose", "s3"]
	some target in tf.blocks(logs, destination)
	target.enabled == true
}
