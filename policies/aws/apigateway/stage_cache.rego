# METADATA
# title: "API Gateway stage has caching enabled"
# description: "A stage cache absorbs repeated requests and softens request floods against the backend."
# custom:
#   id: IACPAC_AWS_APIGATEWAY_005
#   severity: low
#   resource_types: [aws_api_gateway_stage]
#   checkov: [CKV_AWS_120]
#   remediation: "Set cache_cluster_enabled = true."
package iacpac.aws.apigateway.stage_cache

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_api_gateway_stage")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("API Gateway stage %s does not enable caching", [rc.address]),
	}
}

ok(rc) if tf.configured_value(rc, "cache_cluster_enabled", true)
