# METADATA
# title: "Public S3 bucket requires secure transport in its policy"
# description: "When a bucket ACL makes objects public (public-read, public-read-write, or an AllUsers grant) and no public access block stops it, the bucket policy should at least refuse plain-HTTP requests. Such an ACL fails when the bucket's policy has neither an Allow conditioned on aws:SecureTransport true nor a Deny for aws:SecureTransport false; buckets served as websites, and buckets without a policy resource, are not judged."
# custom:
#   id: IACPAC_AWS_S3_024
#   severity: medium
#   resource_types: [aws_s3_bucket_acl]
#   checkov: [CKV_AWS_379]
#   remediation: "Add a Deny statement with Condition { Bool = { \"aws:SecureTransport\" = \"false\" } } to the bucket policy, or block public access."
package iacpac.aws.s3.public_acl_secure_transport

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some acl in tf.resources("aws_s3_bucket_acl")
	public(acl)
	not website(acl)
	some policy in same_bucket(acl, "aws_s3_bucket_policy")
	statements := policy_statements(policy)
	not secure_transport(statements)
	finding := {
		"address": acl.address,
		"message": sprintf("Public S3 bucket ACL %s has a bucket policy that allows plain HTTP", [acl.address]),
	}
}

# Resources of `resource_type` whose bucket argument names the same bucket as the ACL's.
same_bucket(acl, resource_type) := [rc |
	some rc in tf.resources(resource_type)
	same(acl, rc)
]

same(a, b) if {
	refs := tf.attribute_references(a, "bucket") & tf.attribute_references(b, "bucket")
	count(refs) > 0
}

same(a, b) if {
	name := tf.after(a).bucket
	is_string(name)
	name == tf.after(b).bucket
}

public(acl) if {
	tf.after(acl).acl in {"public-read", "public-read-write"}
	not some_block(acl, ["restrict_public_buckets", "block_public_acls"])
}

public(acl) if {
	some policy in tf.blocks(tf.after(acl), "access_control_policy")
	some grant in tf.blocks(policy, "grant")
	some grantee in tf.blocks(grant, "grantee")
	grantee.uri == "http://acs.amazonaws.com/groups/global/AllUsers"
	not some_block(acl, ["block_public_acls"])
}

some_block(acl, settings) if {
	some block in same_bucket(acl, "aws_s3_bucket_public_access_block")
	some setting in settings
	tf.after(block)[setting] == true
}

website(acl) if count(same_bucket(acl, "aws_s3_bucket_website_configuration")) > 0

# [effect, SecureTransport condition value] of each statement of the bucket policy: from its JSON, or from the
# aws_iam_policy_document it is taken from (read in the configuration when its JSON is known only at apply time).
policy_statements(policy) := [[object.get(statement, "Effect", "Allow"), lower(sprintf("%v", [statement.Condition.Bool["aws:SecureTransport"]]))] |
	some statement in tf.as_list(object.get(doc, "Statement", []))
] if {
	doc := tf.document(tf.after(policy).policy)
} else := [[effect, lower(sprintf("%v", [value]))] |
	some ref in tf.attribute_references(policy, "policy")
	parts := split(ref, ".")
	parts[0] == "data"
	parts[1] == "aws_iam_policy_document"
	document := tf.configs[sprintf("%s|data|aws_iam_policy_document.%s", [tf.module_key(policy), parts[2]])]
	some statement in tf.as_list(object.get(document.expressions, "statement", []))
	effect := object.get(object.get(statement, "effect", {}), "constant_value", "Allow")
	some condition in tf.as_list(object.get(statement, "condition", []))
	condition.test.constant_value == "Bool"
	condition.variable.constant_value == "aws:SecureTransport"
	some value in condition.values.constant_value
]

secure_transport(statements) if ["Allow", "true"] in statements

secure_transport(statements) if ["Deny", "false"] in statements
