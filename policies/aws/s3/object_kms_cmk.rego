# METADATA
# title: "S3 object is encrypted with a customer managed KMS key"
# description: "Objects uploaded by Terraform should name a customer managed KMS key (`kms_key_id`) so that access to the data can be governed through the key policy."
# custom:
#   id: IACPAC_AWS_S3_014
#   severity: low
#   resource_types: [aws_s3_bucket_object]
#   checkov: [CKV_AWS_186]
#   remediation: "Set kms_key_id on the aws_s3_bucket_object to the ARN of a customer managed aws_kms_key."
package iacpac.aws.s3.object_kms_cmk

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some object in tf.resources("aws_s3_bucket_object")
	not tf.set(object, "kms_key_id")
	finding := {
		"address": object.address,
		"message": sprintf("S3 object %s is not encrypted with a customer managed KMS key", [object.address]),
	}
}
