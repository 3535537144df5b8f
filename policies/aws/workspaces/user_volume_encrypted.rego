# METADATA
# title: "WorkSpaces user volume is encrypted"
# description: "User volumes hold personal files and caches; they should be encrypted."
# custom:
#   id: IACPAC_AWS_WORKSPACES_001
#   severity: medium
#   resource_types: [aws_workspaces_workspace]
#   checkov: [CKV_AWS_155]
#   remediation: "Set user_volume_encryption_enabled = true (with volume_encryption_key)."
package iacpac.aws.workspaces.user_volume_encrypted

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_workspaces_workspace")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("WorkSpace %s does not encrypt its user volume", [rc.address]),
	}
}

ok(rc) if tf.configured_value(rc, "user_volume_encryption_enabled", true)
