# METADATA
# title: "S3 lifecycle configuration aborts incomplete multipart uploads"
# description: "Parts of uploads that never complete are stored (and billed) forever unless a lifecycle rule aborts them. The configuration passes when an enabled rule sets `abort_incomplete_multipart_upload`."
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

aborts(config) if {
	some rule in tf.blocks(tf.after(config), "rule")
	rule.status == "Enabled"
	count(tf.blocks(rule, "abort_incomplete_multipart_upload")) > 0
}
