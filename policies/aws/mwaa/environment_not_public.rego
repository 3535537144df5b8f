# METADATA
# title: "MWAA environment web server is not public"
# description: "A public Airflow web server is reachable from the internet; use PRIVATE_ONLY."
# custom:
#   id: IACPAC_AWS_MWAA_001
#   severity: high
#   resource_types: [aws_mwaa_environment]
#   checkov: [CKV2_AWS_66]
#   remediation: "Set webserver_access_mode = \"PRIVATE_ONLY\"."
package iacpac.aws.mwaa.environment_not_public

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_mwaa_environment")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("MWAA environment %s exposes its web server publicly", [rc.address]),
	}
}

ok(rc) if not tf.configured(rc, "webserver_access_mode")

ok(rc) if tf.configured_value(rc, "webserver_access_mode", "PRIVATE_ONLY")
