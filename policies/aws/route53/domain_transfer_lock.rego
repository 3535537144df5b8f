# METADATA
# title: "Route 53 domain keeps its transfer lock"
# description: "The transfer lock stops the domain from being moved to another registrar, a common step in domain hijacking. Registered domains fail when they set `transfer_lock = false`."
# custom:
#   id: IACPAC_AWS_ROUTE53_004
#   severity: low
#   resource_types: [aws_route53domains_registered_domain]
#   checkov: [CKV_AWS_377]
#   remediation: "Remove transfer_lock = false (or set it to true)."
package iacpac.aws.route53.domain_transfer_lock

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_route53domains_registered_domain")
	tf.after(rc).transfer_lock == false
	finding := {
		"address": rc.address,
		"message": sprintf("Route 53 domain %s has no transfer lock", [rc.address]),
	}
}
