# METADATA
# title: "Classic load balancer policy does not enable old TLS/SSL"
# description: "An SSL negotiation policy that turns on SSLv3, TLS 1.0 or TLS 1.1, or references a legacy predefined policy (ELBSecurityPolicy-2016-08 and older, -Default, -TLS-1-0-2015-04, -TLS-1-1-2017-01), lets clients negotiate protocols with known weaknesses."
# custom:
#   id: IACPAC_AWS_ELB_018
#   severity: low
#   resource_types: [aws_load_balancer_policy]
#   checkov: [CKV_AWS_213]
#   remediation: "Reference ELBSecurityPolicy-TLS-1-2-2017-01 (or newer) and do not enable Protocol-SSLv3, Protocol-TLSv1 or Protocol-TLSv1.1."
package iacpac.aws.elb.classic_policy_secure_protocols

import rego.v1

import data.iacpac.lib.terraform as tf

old_protocols := {"Protocol-SSLv3", "Protocol-TLSv1", "Protocol-TLSv1.1"}

legacy_policies := {
	"ELBSecurityPolicy-2016-08", "ELBSecurityPolicy-TLS-1-1-2017-01", "ELBSecurityPolicy-2015-05",
	"ELBSecurityPolicy-2015-03", "ELBSecurityPolicy-2015-02", "ELBSecurityPolicy-TLS-1-0-2015-04",
	"ELBSecurityPolicy-2014-10", "ELBSecurityPolicy-Default", "ELBSecurityPolicy-2014-01",
}

deny contains finding if {
	some rc in tf.resources("aws_load_balancer_policy")
	some attribute in tf.blocks(tf.after(rc), "policy_attribute")
	insecure(attribute)
	finding := {
		"address": rc.address,
		"message": sprintf("Load balancer policy %s allows %s", [rc.address, attribute.name]),
	}
}

insecure(attribute) if {
	attribute.name in old_protocols
	lower(sprintf("%v", [attribute.value])) == "true"
}

insecure(attribute) if {
	attribute.name == "Reference-Security-Policy"
	attribute.value in legacy_policies
}
