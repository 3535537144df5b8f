# METADATA
# title: "S3 access point blocks public access"
# description: "An access point whose public access block turns off public ACL blocking, public policy blocking and public bucket restriction can be opened to everyone through its own policy. Access points fail when their `public_access_block_configuration` sets block_public_acls, block_public_policy and restrict_public_buckets all to false (with ignore_public_acls written)."
# custom:
#   id: IACPAC_AWS_S3_018
#   severity: high
#   resource_types: [aws_s3_access_point]
#   checkov: [CKV_AWS_392]
#   remediation: "Keep the public access block settings of the access point at their default true."
package iacpac.aws.s3.access_point_block_public

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_s3_access_point")
	some i, block in tf.blocks(tf.after(rc), "public_access_block_configuration")
	tf.configured_at(rc, ["public_access_block_configuration", i, "ignore_public_acls"])
	block.block_public_acls == false
	block.block_public_policy == false
	block.restrict_public_buckets == false
	finding := {
		"address": rc.address,
		"message": sprintf("S3 access point %s does not block public access", [rc.address]),
	}
}
