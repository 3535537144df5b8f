# METADATA
# title: "S3 object copy is encrypted with a customer managed key"
# description: "Copying an object is the point where its encryption can be set; with a customer managed key (`kms_key_id`) access to the copy is governed by the key policy."
# custom:
#   id: IACPAC_AWS_S3_025
#   severity: low
#   resource_types: [aws_s3_object_copy]
#   checkov: [CKV_AWS_181]
#   remediation: "Set kms_key_id (with server_side_encryption = \"aws:kms\") on the aws_s3_object_copy."
package iacpac.aws.s3.object_copy_cmk

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some resource_type in ["aws_s3_object_copy"]
	some rc in tf.resources(resource_type)
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("S3 object copy %s is not encrypted with a customer managed key", [rc.address]),
	}
}

ok(rc) if tf.set(rc, "kms_key_id")
