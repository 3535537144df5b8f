package iacpac.generated.s3_versioning

import rego.v1

bucket := {"address": "aws_s3_bucket.b", "type": "aws_s3_bucket", "name": "b", "change": {"actions": ["create"], "after": {}}}

versioning := {
	"address": "aws_s3_bucket_versioning.b",
	"type": "aws_s3_bucket_versioning",
	"name": "b",
	"change": {"actions": ["create"], "after": {"versioning_configuration": [{"status": "Enabled"}]}},
}

test_unversioned_bucket_denied if {
	count(deny) > 0 with input as {"resource_changes": [bucket]}
}

test_versioned_bucket_allowed if {
	count(deny) == 0 with input as {"resource_changes": [bucket, versioning]}
}
