# METADATA
# title: "CodeBuild artifacts are not stored unencrypted"
# description: "Build artifacts can contain secrets and binaries; they should keep server-side encryption."
# custom:
#   id: IACPAC_AWS_CODEBUILD_003
#   severity: medium
#   resource_types: [aws_codebuild_project]
#   checkov: [CKV_AWS_78]
#   remediation: "Remove encryption_disabled = true from the artifacts block."
package iacpac.aws.codebuild.project_artifact_encryption

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_codebuild_project")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("CodeBuild project %s stores artifacts without encryption", [rc.address]),
	}
}

ok(rc) if {
	every artifacts in tf.blocks(tf.after(rc), "artifacts") {
		not artifacts.encryption_disabled == true
	}
}
