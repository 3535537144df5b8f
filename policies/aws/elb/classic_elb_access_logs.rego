# METADATA
# title: "Classic load balancer writes access logs"
# description: "Access logs record every request the load balancer receives."
# custom:
#   id: IACPAC_AWS_ELB_013
#   severity: info
#   resource_types: [aws_elb]
#   checkov: [CKV_AWS_92]
#   remediation: "Add access_logs { bucket = \"...\", enabled = true }."
package iacpac.aws.elb.classic_elb_access_logs

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_elb")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Classic load balancer %s does not write access logs", [rc.address]),
	}
}

ok(rc) if {
	logs := tf.block(tf.after(rc), "access_logs")
	logs != {}
	not logs.enabled == false
}
