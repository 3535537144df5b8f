# METADATA
# title: "CloudSearch domain accepts HTTPS only"
# description: "Without `enforce_https`, search queries and document uploads can travel in clear text. A domain passes when `endpoint_options.enforce_https` is true."
# custom:
#   id: IACPAC_AWS_CLOUDSEARCH_002
#   severity: low
#   resource_types: [aws_cloudsearch_domain]
#   checkov: [CKV_AWS_220]
#   remediation: "Set endpoint_options { enforce_https = true }."
package iacpac.aws.cloudsearch.domain_https

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some resource_type in ["aws_cloudsearch_domain"]
	some rc in tf.resources(resource_type)
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("CloudSearch domain %s does not enforce HTTPS", [rc.address]),
	}
}

ok(rc) if tf.block(tf.after(rc), "endpoint_options").enforce_https == true

ok(rc) if {
	tf.block_configured(rc, "endpoint_options", "enforce_https")
	tf.block(tf.unknown(rc), "endpoint_options").enforce_https == true
}
