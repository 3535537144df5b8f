# METADATA
# title: "API Gateway method cache is encrypted"
# description: "Cached responses can hold the same sensitive data as the backend returns. Method settings that enable caching must also set `cache_data_encrypted = true`; settings without caching pass."
# custom:
#   id: IACPAC_AWS_APIGATEWAY_012
#   severity: high
#   resource_types: [aws_api_gateway_method_settings]
#   checkov: [CKV_AWS_308]
#   remediation: "Set cache_data_encrypted = true next to caching_enabled = true in the settings block."
package iacpac.aws.apigateway.method_settings_cache_encrypted

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_api_gateway_method_settings")
	settings := tf.block(tf.after(rc), "settings")
	settings.caching_enabled == true
	not encrypted(rc, settings)
	finding := {
		"address": rc.address,
		"message": sprintf("API Gateway method settings %s cache responses unencrypted", [rc.address]),
	}
}

encrypted(_, settings) if settings.cache_data_encrypted == true

encrypted(rc, _) if {
	tf.block_configured(rc, "settings", "cache_data_encrypted")
	tf.block(tf.unknown(rc), "settings").cache_data_encrypted == true
}
