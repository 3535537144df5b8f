# METADATA
# title: "S3 bucket policy does not lock everyone out of the policy"
# description: "A Deny statement for every principal on s3:PutBucketPolicy (or s3:*BucketPolicy, s3:Put*, s3:*, *) without a condition stops everyone, including administrators, from changing the policy again; only the root user can undo it. Bucket policies and inline bucket policies with such a statement fail."
# custom:
#   id: IACPAC_AWS_S3_021
#   severity: medium
#   resource_types: [aws_s3_bucket, aws_s3_bucket_policy]
#   checkov: [CKV_AWS_93]
#   remediation: "Add a condition that exempts the administrators' role (e.g. aws:PrincipalArn) to the Deny statement, or narrow its actions."
package iacpac.aws.s3.bucket_policy_no_lockout

import rego.v1

import data.iacpac.lib.terraform as tf

lockout_actions := {"s3:PutBucketPolicy", "s3:*BucketPolicy", "s3:Put*", "s3:*", "*"}

deny contains finding if {
	some resource_type in ["aws_s3_bucket", "aws_s3_bucket_policy"]
	some rc in tf.resources(resource_type)
	doc := tf.document(tf.after(rc).policy)
	some statement in tf.as_list(object.get(doc, "Statement", []))
	locks_out(statement)
	finding := {
		"address": rc.address,
		"message": sprintf("%s denies every principal the right to change the bucket policy", [rc.address]),
	}
}

locks_out(statement) if {
	statement.Effect == "Deny"
	not statement.Condition
	not statement.NotAction
	everyone(statement.Principal)
	some action in tf.as_list(statement.Action)
	action in lockout_actions
}

everyone("*")

everyone(principal) if "*" in tf.as_list(principal.AWS)
