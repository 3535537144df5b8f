# METADATA
# title: "AWS Config aggregator covers all regions"
# description: "An aggregator limited to some regions leaves resources created elsewhere, often by an attacker who picks an unused region, out of the compliance view. The aggregator passes when its account or organization aggregation source sets `all_regions = true`."
# custom:
#   id: IACPAC_AWS_CONFIG_002
#   severity: medium
#   resource_types: [aws_config_configuration_aggregator]
#   checkov: [CKV_AWS_121]
#   remediation: "Set all_regions = true in the account_aggregation_source or organization_aggregation_source."
package iacpac.aws.config.aggregator_all_regions

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_config_configuration_aggregator")
	not all_regions(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("AWS Config aggregator %s does not cover all regions", [rc.address]),
	}
}

all_regions(rc) if {
	some kind in ["account_aggregation_source", "organization_aggregation_source"]
	tf.block(tf.after(rc), kind).all_regions == true
}
