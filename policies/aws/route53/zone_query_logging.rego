# METADATA
# title: "Hosted zone logs DNS queries"
# description: "Query logs show which names are resolved and by whom, which helps detect DNS tunnelling and misconfiguration. Public zones (without `vpc` blocks) pass when an `aws_route53_query_log` is connected to it."
# custom:
#   id: IACPAC_AWS_ROUTE53_002
#   severity: low
#   resource_types: [aws_route53_zone]
#   checkov: [CKV2_AWS_39]
#   remediation: "Add an aws_route53_query_log with zone_id = aws_route53_zone.<name>.zone_id and a CloudWatch log group."
package iacpac.aws.route53.zone_query_logging

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some zone in tf.resources("aws_route53_zone")
	count(tf.blocks(tf.after(zone), "vpc")) == 0
	count(tf.connected_resources(zone, "aws_route53_query_log")) == 0
	finding := {
		"address": zone.address,
		"message": sprintf("Route 53 zone %s does not log DNS queries", [zone.address]),
	}
}
