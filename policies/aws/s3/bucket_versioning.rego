# METADATA
# title: "S3 bucket keeps object versions"
# description: "Without versioning an overwritten or deleted object is gone for good. The bucket passes when it enables versioning inline (`versioning { enabled = true }`) or when an `aws_s3_bucket_versioning` resource that references it sets `versioning_configuration.status = \"Enabled\"`."
# custom:
#   id: IACPAC_AWS_S3_001
#   severity: low
#   resource_types: [aws_s3_bucket, aws_s3_bucket_versioning]
#   checkov: [CKV_AWS_21]
#   remediation: "Add an aws_s3_bucket_versioning resource for the bucket with versioning_configuration { status = \"Enabled\" }."
#   fix:
#     resource_types: [aws_s3_bucket]
#     resource:
#       type: aws_s3_bucket_versioning
#       body: |
#         bucket = {{resource}}.id
#         versioning_configuration {
#           status = "Enabled"
#         }
package iacpac.aws.s3.bucket_versioning

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some bucket in tf.resources("aws_s3_bucket")
	not versioned(bucket)
	finding := {
		"address": bucket.address,
		"message": sprintf("S3 bucket %s does not enable versioning", [bucket.address]),
	}
}

versioned(bucket) if {
	some v in tf.blocks(tf.after(bucket), "versioning")
	v.enabled == true
}

versioned(bucket) if {
	some versioning in tf.connected_resources(bucket, "aws_s3_bucket_versioning")
	enabled_or_unknown(versioning)
}

enabled_or_unknown(versioning) if {
	some c in tf.blocks(tf.after(versioning), "versioning_configuration")
	c.status == "Enabled"
}

enabled_or_unknown(versioning) if {
	some c in tf.blocks(tf.unknown(versioning), "versioning_configuration")
	c.status == true
}
