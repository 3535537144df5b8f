# METADATA
# title: "AppSync API has logging"
# description: "Request and resolver logs help investigate errors and abuse of the GraphQL API."
# custom:
#   id: IACPAC_AWS_APPSYNC_001
#   severity: low
#   resource_types: [aws_appsync_graphql_api]
#   checkov: [CKV_AWS_193]
#   remediation: "Add log_config { cloudwatch_logs_role_arn = ..., field_log_level = \"ERROR\" }."
package iacpac.aws.appsync.api_logging

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_appsync_graphql_api")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("AppSync API %s does not log requests", [rc.address]),
	}
}

ok(rc) if count(tf.blocks(tf.after(rc), "log_config")) > 0
