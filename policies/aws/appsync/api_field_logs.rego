# METADATA
# title: "AppSync API has field-level logs"
# description: "Field-level logs (ERROR or ALL) show resolver failures per field."
# custom:
#   id: IACPAC_AWS_APPSYNC_002
#   severity: info
#   resource_types: [aws_appsync_graphql_api]
#   checkov: [CKV_AWS_194]
#   remediation: "Set log_config.field_log_level = \"ERROR\" or \"ALL\"."
package iacpac.aws.appsync.api_field_logs

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_appsync_graphql_api")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("AppSync API %s has no field-level logs", [rc.address]),
	}
}

ok(rc) if tf.block(tf.after(rc), "log_config").field_log_level in {"ERROR", "ALL"}
