# METADATA
# title: "AppSync API cache is encrypted in transit"
# description: "Without transit encryption, cached resolver results travel unencrypted between AppSync and the cache nodes. The cache passes when it sets `transit_encryption_enabled = true`."
# custom:
#   id: IACPAC_AWS_APPSYNC_004
#   severity: low
#   resource_types: [aws_appsync_api_cache]
#   checkov: [CKV_AWS_215]
#   remediation: "Set transit_encryption_enabled = true on the aws_appsync_api_cache (the cache is recreated)."
package iacpac.aws.appsync.api_cache_encrypted_in_transit

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some resource_type in ["aws_appsync_api_cache"]
	some rc in tf.resources(resource_type)
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("AppSync API cache %s is not encrypted in transit", [rc.address]),
	}
}

ok(rc) if tf.after(rc).transit_encryption_enabled == true

ok(rc) if {
	tf.configured(rc, "transit_encryption_enabled")
	tf.unknown(rc).transit_encryption_enabled == true
}
