# METADATA
# title: "S3 bucket ACL does not allow public read"
# description: "A canned ACL that opens the bucket (`public-read`, `public-read-write`, `website`, `authenticated-read`) or a grant to the AllUsers group lets anyone list and read the bucket, the most common cause of S3 data leaks. The bucket passes when its inline `acl` is another canned ACL, or when an `aws_s3_bucket_acl` connected to it sets such an ACL or an access control policy without AllUsers grants; a bucket with neither an inline `acl` nor an ACL resource keeps the private default and passes."
# custom:
#   id: IACPAC_AWS_S3_016
#   severity: high
#   resource_types: [aws_s3_bucket, aws_s3_bucket_acl]
#   checkov: [CKV_AWS_20]
#   remediation: "Use acl = \"private\" (or ownership controls with BucketOwnerEnforced) and share data through policies scoped to known principals."
package iacpac.aws.s3.bucket_public_read_acl

import rego.v1

import data.iacpac.lib.terraform as tf

open_acls := {"public-read", "public-read-write", "website", "authenticated-read"}

all_users := "http://acs.amazonaws.com/groups/global/AllUsers"

deny contains finding if {
	some bucket in tf.resources("aws_s3_bucket")
	not private(bucket)
	finding := {
		"address": bucket.address,
		"message": sprintf("S3 bucket %s lets anyone on the internet list and read the bucket", [bucket.address]),
	}
}

private(bucket) if {
	tf.set(bucket, "acl")
	not object.get(tf.after(bucket), "acl", null) in open_acls
}

private(bucket) if {
	some acl in tf.connected_resources(bucket, "aws_s3_bucket_acl")
	private_acl_resource(acl)
}

private(bucket) if {
	not tf.set(bucket, "acl")
	count(tf.connected_resources(bucket, "aws_s3_bucket_acl")) == 0
}

private_acl_resource(acl) if {
	tf.set(acl, "acl")
	not object.get(tf.after(acl), "acl", null) in open_acls
}

private_acl_resource(acl) if {
	some policy in tf.blocks(tf.after(acl), "access_control_policy")
	every grant in tf.blocks(policy, "grant") {
		every grantee in tf.blocks(grant, "grantee") {
			grantee.uri != all_users
		}
	}
}
