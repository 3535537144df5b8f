# METADATA
# title: "S3 bucket encrypts data at rest with SSE-S3 or SSE-KMS"
# description: "S3 encrypts new objects with SSE-S3 by default, so a bucket without any encryption setting passes; what fails is an encryption setting that names another algorithm. The bucket passes when its inline `server_side_encryption_configuration` or a connected `aws_s3_bucket_server_side_encryption_configuration` uses aws:kms or AES256, or when it has neither."
# custom:
#   id: IACPAC_AWS_S3_020
#   severity: low
#   resource_types: [aws_s3_bucket]
#   checkov: [CKV_AWS_19]
#   remediation: "Set apply_server_side_encryption_by_default { sse_algorithm = \"aws:kms\" } (or \"AES256\")."
package iacpac.aws.s3.bucket_encrypted

import rego.v1

import data.iacpac.lib.terraform as tf

accepted := {"aws:kms", "AES256"}

deny contains finding if {
	some bucket in tf.resources("aws_s3_bucket")
	not encrypted(bucket)
	finding := {
		"address": bucket.address,
		"message": sprintf("S3 bucket %s is not encrypted with SSE-S3 or SSE-KMS", [bucket.address]),
	}
}

encrypted(bucket) if {
	some algorithm in algorithms(tf.after(bucket))
	algorithm in accepted
}

encrypted(bucket) if {
	some configuration in tf.connected_resources(bucket, "aws_s3_bucket_server_side_encryption_configuration")
	some algorithm in algorithms(tf.after(configuration))
	algorithm in accepted
}

# Neither an inline setting nor a separate resource: the service default (SSE-S3) applies.
encrypted(bucket) if {
	count(algorithms(tf.after(bucket))) == 0
	count(tf.connected_resources(bucket, "aws_s3_bucket_server_side_encryption_configuration")) == 0
}

# An algorithm known only at apply time.
encrypted(bucket) if {
	tf.configured(bucket, "server_side_encryption_configuration")
	tf.unknown(bucket).server_side_encryption_configuration == true
}

algorithms(settings) := [default.sse_algorithm |
	some sse in tf.blocks(settings, "server_side_encryption_configuration")
	some rule in tf.blocks(sse, "rule")
	some default in tf.blocks(rule, "apply_server_side_encryption_by_default")
] if tf.blocks(settings, "server_side_encryption_configuration") != [] else := [default.sse_algorithm |
	some rule in tf.blocks(settings, "rule")
	some default in tf.blocks(rule, "apply_server_side_encryption_by_default")
]
