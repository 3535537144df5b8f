# METADATA
# title: "S3 bucket ACL does not allow public read"
# description: "A canned ACL (`public-read`, `public-read-write`) or an explicit grant to the AllUsers group lets anyone on the internet list and read the bucket, the most common cause of S3 data leaks. The bucket is checked through its inline `acl` and through every `aws_s3_bucket_acl` connected to it."
# custom:
#   id: IACPAC_AWS_S3_016
#   severity: high
#   resource_types: [aws_s3_bucket, aws_s3_bucket_acl]
#   checkov: [CKV_AWS_20]
#   remediation: "Use acl = \"private\" (or ownership controls with BucketOwnerEnforced) and share data through policies scoped to known principals."
package iacpac.aws.s3.bucket_public_read_acl

import rego.v1

import data.iacpac.lib.terraform as tf

public_acls := {"public-read", "public-read-write"}

all_users := "http://acs.amazonaws.com/groups/global/AllUsers"

deny contains finding if {
	some bucket in tf.resources("aws_s3_bucket")
	public(bucket)
	finding := {
		"address": bucket.address,
		"message": sprintf("S3 bucket %s lets anyone on the internet list and read the bucket", [bucket.address]),
	}
}

public(bucket) if tf.after(bucket).acl in public_acls

public(bucket) if {
	some acl in tf.connected_resources(bucket, "aws_s3_bucket_acl")
	tf.after(acl).acl in public_acls
}

public(bucket) if {
	some acl in tf.connected_resources(bucket, "aws_s3_bucket_acl")
	some policy in tf.blocks(tf.after(acl), "access_control_policy")
	some grant in tf.blocks(policy, "grant")
	grant.permission in {"READ", "FULL_CONTROL"}
	some grantee in tf.blocks(grant, "grantee")
	grantee.uri == all_users
}
