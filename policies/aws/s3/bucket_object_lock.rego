# METADATA
# title: "S3 bucket object lock configuration enables object lock"
# description: "Object lock keeps objects from being deleted or overwritten for a retention period, protecting backups and logs against ransomware and mistakes. A bucket that writes an `object_lock_configuration` must set `object_lock_enabled = \"Enabled\"`; buckets without one are not judged here."
# custom:
#   id: IACPAC_AWS_S3_019
#   severity: low
#   resource_types: [aws_s3_bucket]
#   checkov: [CKV_AWS_143]
#   remediation: "Set object_lock_configuration { object_lock_enabled = \"Enabled\" } (or object_lock_enabled = true on the bucket with an aws_s3_bucket_object_lock_configuration)."
package iacpac.aws.s3.bucket_object_lock

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_s3_bucket")
	some configuration in tf.as_list(tf.expressions(rc).object_lock_configuration)
	not configuration.object_lock_enabled.constant_value == "Enabled"
	not unknown_setting(configuration)
	finding := {
		"address": rc.address,
		"message": sprintf("S3 bucket %s has an object lock configuration that does not enable it", [rc.address]),
	}
}

unknown_setting(configuration) if configuration.object_lock_enabled.references
