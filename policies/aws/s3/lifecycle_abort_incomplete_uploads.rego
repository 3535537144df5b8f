# METADATA
# title: "S3 lifecycle configuration aborts incomplete multipart uploads"
# description: "Parts of uploads that never complete are stored (and billed) forever unless a lifecycle rule aborts them. The configuration passes when an enabled rule sets `abort_incomplete_multipart_upload` for the whole bucket: a rule whose filter narrows it by prefix, object size or tag does not count."
# custom:
#   id: IACPAC_AWS_S3_015
#   severity: medium
#   resource_types: [aws_s3_bucket_lifecycle_configuration]
#   checkov: [CKV_AWS_300]
#   remediation: "Add abort_incomplete_multipart_upload { days_after_initiation = 7 } to an enabled rule."
package iacpac.aws.s3.lifecycle_abort_incomplete_uploads

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some config in tf.resources("aws_s3_bucket_lifecycle_configuration")
	not aborts(config)
	finding := {
		"address": config.address,
		"message": sprintf("Lifecycle configuration %s never aborts incomplete multipart uploads", [config.address]),
	}
}

# An enabled rule that aborts incomplete uploads for the whole bucket (its filter, if any, narrows nothing).
aborts(config) if {
	some rule in tf.blocks(tf.after(config), "rule")
	rule.status == "Enabled"
	count(tf.blocks(rule, "abort_incomplete_multipart_upload")) > 0
	every filter in tf.blocks(rule, "filter") {
		not narrows(filter)
	}
}

narrows(filter) if narrows_by(conditions(filter))

# The conditions of a filter: those of its `and` block when it has one.
conditions(filter) := tf.block(filter, "and") if count(tf.blocks(filter, "and")) > 0 else := filter

narrows_by(conditions) if {
	some key in ["prefix", "object_size_greater_than", "object_size_less_than"]
	not falsy(object.get(conditions, key, null))
}

narrows_by(conditions) if count(tf.blocks(conditions, "tag")) > 0

falsy(value) if tf.empty(value)

falsy(0)
