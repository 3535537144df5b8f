# METADATA
# title: "AppSync API cache is encrypted at rest"
# description: "The API cache holds resolver results, which are often the same sensitive data the API protects. The cache passes when it sets `at_rest_encryption_enabled = true`."
# custom:
#   id: IACPAC_AWS_APPSYNC_003
#   severity: low
#   resource_types: [aws_appsync_api_cache]
#   checkov: [CKV_AWS_214]
#   remediation: "Set at_rest_encryption_enabled = true on the aws_appsync_api_cache (the cache is recreated)."
package iacpac.aws.appsync.api_cache_encrypted_at_rest

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some resource_type in ["aws_appsync_api_cache"]
	some rc in tf.resources(resource_type)
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("AppSync API cache %s is not encrypted at rest", [rc.address]),
	}
}

ok(rc) if tf.after(rc).at_rest_encryption_enabled == true

ok(rc) if {
	tf.configured(rc, "at_rest_encryption_enabled")
	tf.unknown(rc).at_rest_encryption_enabled == true
}
