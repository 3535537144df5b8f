# METADATA
# title: "API Gateway method settings enable caching"
# description: "A stage cache answers repeated requests without calling the backend, which absorbs traffic spikes and some denial-of-service load. The method settings pass when `settings` turns `caching_enabled` on."
# custom:
#   id: IACPAC_AWS_APIGATEWAY_010
#   severity: low
#   resource_types: [aws_api_gateway_method_settings]
#   checkov: [CKV_AWS_225]
#   remediation: "Set settings { caching_enabled = true } in the aws_api_gateway_method_settings (the stage needs a cache cluster)."
package iacpac.aws.apigateway.method_settings_caching

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_api_gateway_method_settings")
	not caching(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("API Gateway method settings %s do not enable caching", [rc.address]),
	}
}

caching(rc) if tf.block(tf.after(rc), "settings").caching_enabled == true

caching(rc) if {
	tf.block_configured(rc, "settings", "caching_enabled")
	tf.block(tf.unknown(rc), "settings").caching_enabled == true
}
