# METADATA
# title: "S3 public access block rejects public ACLs"
# description: "The public access block of a bucket should set `block_public_acls` to true; otherwise new public ACLs can still be applied to the bucket and its objects."
# custom:
#   id: IACPAC_AWS_S3_009
#   severity: medium
#   resource_types: [aws_s3_bucket_public_access_block]
#   checkov: [CKV_AWS_53]
#   remediation: "Set block_public_acls = true in the aws_s3_bucket_public_access_block resource."
package iacpac.aws.s3.public_access_block_acls

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some block in tf.resources("aws_s3_bucket_public_access_block")
	not enabled(block)
	finding := {
		"address": block.address,
		"message": sprintf("%s does not set block_public_acls = true", [block.address]),
	}
}

enabled(block) if tf.after(block).block_public_acls == true

enabled(block) if tf.unknown(block).block_public_acls == true
