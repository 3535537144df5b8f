# METADATA
# title: "CodeBuild project keeps build logs"
# description: "Build logs are the record of what a build ran and fetched. The project passes when its logs_config writes a cloudwatch_logs or s3_logs block."
# custom:
#   id: IACPAC_AWS_CODEBUILD_001
#   severity: info
#   resource_types: [aws_codebuild_project]
#   checkov: [CKV_AWS_314]
#   remediation: "Add logs_config { cloudwatch_logs { status = \"ENABLED\" } } (or s3_logs)."
#   fix:
#     set:
#       logs_config.cloudwatch_logs.status: ENABLED
package iacpac.aws.codebuild.project_logging

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_codebuild_project")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("CodeBuild project %s does not keep build logs", [rc.address]),
	}
}

# A cloudwatch_logs or s3_logs block is written (whatever its status).
ok(rc) if {
	some kind in ["cloudwatch_logs", "s3_logs"]
	some config in tf.as_list(object.get(tf.expressions(rc), "logs_config", []))
	config[kind]
}
