# METADATA
# title: "EFS file system is encrypted at rest"
# description: "Encryption at rest protects file data and metadata on the storage layer."
# custom:
#   id: IACPAC_AWS_EFS_001
#   severity: low
#   resource_types: [aws_efs_file_system]
#   checkov: [CKV_AWS_42]
#   remediation: "Set encrypted = true on the aws_efs_file_system."
#   fix:
#     set:
#       encrypted: true
package iacpac.aws.efs.file_system_encrypted

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_efs_file_system")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("EFS file system %s is not encrypted", [rc.address]),
	}
}

ok(rc) if tf.configured_value(rc, "encrypted", true)
