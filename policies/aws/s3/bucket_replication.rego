# METADATA
# title: "S3 bucket replicates objects to another region"
# description: "Cross-region replication keeps a copy of the data available when a region fails. The bucket passes when it has an enabled inline replication rule or is connected to an `aws_s3_bucket_replication_configuration` whose rule status is `Enabled` (or computed at apply time). Buckets referenced as the destination also count as connected."
# custom:
#   id: IACPAC_AWS_S3_004
#   severity: low
#   resource_types: [aws_s3_bucket, aws_s3_bucket_replication_configuration]
#   checkov: [CKV_AWS_144]
#   remediation: "Add an aws_s3_bucket_replication_configuration with an enabled rule that copies the bucket to a bucket in another region."
package iacpac.aws.s3.bucket_replication

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some bucket in tf.resources("aws_s3_bucket")
	not replicated(bucket)
	finding := {
		"address": bucket.address,
		"message": sprintf("S3 bucket %s has no enabled cross-region replication", [bucket.address]),
	}
}

replicated(bucket) if {
	some config in tf.blocks(tf.after(bucket), "replication_configuration")
	some rule in tf.blocks(config, "rules")
	rule.status == "Enabled"
}

replicated(bucket) if {
	some replication in tf.connected_resources(bucket, "aws_s3_bucket_replication_configuration")
	enabled_or_unknown(replication)
}

enabled_or_unknown(replication) if {
	some rule in tf.blocks(tf.after(replication), "rule")
	rule.status == "Enabled"
}

enabled_or_unknown(replication) if {
	some rule in tf.blocks(tf.unknown(replication), "rule")
	rule.status == true
}
