# METADATA
# title: "CodeBuild environment does not run privileged"
# description: "Privileged mode gives the build container root on the build host (needed only for Docker-in-Docker)."
# custom:
#   id: IACPAC_AWS_CODEBUILD_004
#   severity: medium
#   resource_types: [aws_codebuild_project]
#   checkov: [CKV_AWS_316]
#   remediation: "Set environment.privileged_mode = false."
package iacpac.aws.codebuild.project_not_privileged

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_codebuild_project")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("CodeBuild project %s runs its environment in privileged mode", [rc.address]),
	}
}

ok(rc) if not tf.block(tf.after(rc), "environment").privileged_mode == true
