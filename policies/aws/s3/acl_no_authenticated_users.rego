# METADATA
# title: "S3 bucket ACL does not grant access to all authenticated AWS users"
# description: "The AuthenticatedUsers group means every AWS account in the world, not only your users. Bucket ACLs whose access control policy grants anything to that group fail."
# custom:
#   id: IACPAC_AWS_S3_022
#   severity: medium
#   resource_types: [aws_s3_bucket_acl]
#   checkov: [CKV2_AWS_43]
#   remediation: "Remove the grant to http://acs.amazonaws.com/groups/global/AuthenticatedUsers; grant to specific accounts or use bucket policies."
package iacpac.aws.s3.acl_no_authenticated_users

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_s3_bucket_acl")
	some policy in tf.blocks(tf.after(rc), "access_control_policy")
	some grant in tf.blocks(policy, "grant")
	some grantee in tf.blocks(grant, "grantee")
	grantee.uri == "http://acs.amazonaws.com/groups/global/AuthenticatedUsers"
	finding := {
		"address": rc.address,
		"message": sprintf("S3 bucket ACL %s grants access to every authenticated AWS user", [rc.address]),
	}
}
