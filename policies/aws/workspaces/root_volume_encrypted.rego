# METADATA
# title: "WorkSpaces root volume is encrypted"
# description: "Root volumes hold the operating system and cached credentials; they should be encrypted."
# custom:
#   id: IACPAC_AWS_WORKSPACES_002
#   severity: medium
#   resource_types: [aws_workspaces_workspace]
#   checkov: [CKV_AWS_156]
#   remediation: "Set root_volume_encryption_enabled = true (with volume_encryption_key)."
package iacpac.aws.workspaces.root_volume_encrypted

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_workspaces_workspace")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("WorkSpace %s does not encrypt its root volume", [rc.address]),
	}
}

ok(rc) if tf.configured_value(rc, "root_volume_encryption_enabled", true)
