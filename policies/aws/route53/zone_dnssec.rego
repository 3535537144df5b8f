# METADATA
# title: "Public hosted zone has DNSSEC signing"
# description: "DNSSEC signing lets resolvers verify that answers for the zone were not forged or altered. Public zones (without `vpc` blocks) pass when an `aws_route53_hosted_zone_dnssec` or `aws_route53_key_signing_key` is connected to it."
# custom:
#   id: IACPAC_AWS_ROUTE53_001
#   severity: high
#   resource_types: [aws_route53_zone]
#   checkov: [CKV2_AWS_38]
#   remediation: "Add an aws_route53_key_signing_key and an aws_route53_hosted_zone_dnssec for the zone."
package iacpac.aws.route53.zone_dnssec

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some zone in tf.resources("aws_route53_zone")
	count(tf.blocks(tf.after(zone), "vpc")) == 0
	not signed(zone)
	finding := {
		"address": zone.address,
		"message": sprintf("Route 53 zone %s has no DNSSEC signing", [zone.address]),
	}
}

# A zone association makes the zone private, and private zones cannot be signed.
signed(zone) if {
	some resource_type in ["aws_route53_hosted_zone_dnssec", "aws_route53_key_signing_key", "aws_route53_zone_association"]
	count(tf.connected_resources(zone, resource_type)) > 0
}
