# METADATA
# title: "S3 bucket ownership controls disable ACLs"
# description: "With object ownership `BucketOwnerEnforced`, ACLs are disabled and the bucket owner owns every object, so access is governed by policies alone. Ownership controls that keep ACLs active fail."
# custom:
#   id: IACPAC_AWS_S3_008
#   severity: low
#   resource_types: [aws_s3_bucket_ownership_controls]
#   checkov: [CKV2_AWS_65]
#   remediation: "Set rule { object_ownership = \"BucketOwnerEnforced\" } in the aws_s3_bucket_ownership_controls resource."
package iacpac.aws.s3.bucket_acl_disabled

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some controls in tf.resources("aws_s3_bucket_ownership_controls")
	some rule in tf.blocks(tf.after(controls), "rule")
	rule.object_ownership != "BucketOwnerEnforced"
	finding := {
		"address": controls.address,
		"message": sprintf("%s keeps S3 ACLs enabled (object_ownership %s)", [controls.address, rule.object_ownership]),
	}
}
