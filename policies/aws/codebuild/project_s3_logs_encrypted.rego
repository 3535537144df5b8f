# METADATA
# title: "CodeBuild S3 build logs are encrypted"
# description: "Build logs often contain secrets printed by build scripts. A project fails when its `logs_config.s3_logs` sets `encryption_disabled = true`."
# custom:
#   id: IACPAC_AWS_CODEBUILD_005
#   severity: high
#   resource_types: [aws_codebuild_project]
#   checkov: [CKV_AWS_311]
#   remediation: "Remove encryption_disabled = true from s3_logs."
package iacpac.aws.codebuild.project_s3_logs_encrypted

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_codebuild_project")
	some config in tf.blocks(tf.after(rc), "logs_config")
	some logs in tf.blocks(config, "s3_logs")
	logs.encryption_disabled == true
	finding := {
		"address": rc.address,
		"message": sprintf("CodeBuild project %s writes unencrypted S3 build logs", [rc.address]),
	}
}
