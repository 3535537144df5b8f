# METADATA
# title: "Classic load balancer balances across zones"
# description: "Cross-zone balancing spreads traffic across all healthy instances in every zone."
# custom:
#   id: IACPAC_AWS_ELB_014
#   severity: low
#   resource_types: [aws_elb]
#   checkov: [CKV_AWS_138]
#   remediation: "Set cross_zone_load_balancing = true."
package iacpac.aws.elb.classic_elb_cross_zone

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_elb")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Classic load balancer %s does not balance across zones", [rc.address]),
	}
}

ok(rc) if not tf.configured(rc, "cross_zone_load_balancing")

ok(rc) if not tf.after(rc).cross_zone_load_balancing == false
