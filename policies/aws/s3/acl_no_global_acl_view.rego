# METADATA
# title: "S3 bucket ACL does not let everyone read or change permissions"
# description: "A grant of FULL_CONTROL or READ_ACP to the AllUsers group lets anyone read (and with FULL_CONTROL, change) the bucket's permissions. Bucket ACLs with such a grant fail."
# custom:
#   id: IACPAC_AWS_S3_023
#   severity: low
#   resource_types: [aws_s3_bucket_acl]
#   checkov: [CKV_AWS_375]
#   remediation: "Remove FULL_CONTROL and READ_ACP grants to http://acs.amazonaws.com/groups/global/AllUsers."
package iacpac.aws.s3.acl_no_global_acl_view

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_s3_bucket_acl")
	some policy in tf.blocks(tf.after(rc), "access_control_policy")
	some grant in tf.blocks(policy, "grant")
	some permission in ["FULL_CONTROL", "READ_ACP"]
	contains(grant.permission, permission)
	some grantee in tf.blocks(grant, "grantee")
	contains(grantee.uri, "http://acs.amazonaws.com/groups/global/AllUsers")
	finding := {
		"address": rc.address,
		"message": sprintf("S3 bucket ACL %s lets everyone view the bucket's permissions", [rc.address]),
	}
}
