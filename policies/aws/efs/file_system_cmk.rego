# METADATA
# title: "EFS file system is encrypted with a customer managed key"
# description: "A customer managed key keeps control over who can decrypt the file system."
# custom:
#   id: IACPAC_AWS_EFS_002
#   severity: low
#   resource_types: [aws_efs_file_system]
#   checkov: [CKV_AWS_184]
#   remediation: "Set encrypted = true and kms_key_id on the aws_efs_file_system."
package iacpac.aws.efs.file_system_cmk

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_efs_file_system")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("EFS file system %s is not encrypted with a customer managed KMS key", [rc.address]),
	}
}

ok(rc) if tf.set(rc, "kms_key_id")
