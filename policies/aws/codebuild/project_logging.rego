# METADATA
# title: "CodeBuild project keeps build logs"
# description: "Build logs (CloudWatch Logs or S3) are the audit trail of what a build did with its credentials."
# custom:
#   id: IACPAC_AWS_CODEBUILD_001
#   severity: info
#   resource_types: [aws_codebuild_project]
#   checkov: [CKV_AWS_314]
#   remediation: "Add logs_config { cloudwatch_logs { status = \"ENABLED\" } } (or s3_logs)."
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

ok(rc) if {
	tf.configured(rc, "logs_config")
	config := tf.block(tf.after(rc), "logs_config")
	some logs in tf.blocks(config, "cloudwatch_logs")
	logs.status != "DISABLED"
}

ok(rc) if {
	tf.configured(rc, "logs_config")
	config := tf.block(tf.after(rc), "logs_config")
	some logs in tf.blocks(config, "s3_logs")
	logs.status == "ENABLED"
}
