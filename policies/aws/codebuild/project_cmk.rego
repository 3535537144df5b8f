# METADATA
# title: "CodeBuild project encrypts artifacts with a customer managed key"
# description: "Build artifacts should be encrypted with a customer managed KMS key (`encryption_key`). Projects that produce no artifacts (`type = \"NO_ARTIFACTS\"`) are not judged."
# custom:
#   id: IACPAC_AWS_CODEBUILD_002
#   severity: medium
#   resource_types: [aws_codebuild_project]
#   checkov: [CKV_AWS_147]
#   remediation: "Set encryption_key to a customer managed aws_kms_key ARN."
package iacpac.aws.codebuild.project_cmk

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_codebuild_project")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("CodeBuild project %s does not use a customer managed KMS key", [rc.address]),
	}
}

ok(rc) if tf.set(rc, "encryption_key")

ok(rc) if {
	every artifacts in tf.blocks(tf.after(rc), "artifacts") {
		artifacts.type == "NO_ARTIFACTS"
	}
}
