# METADATA
# title: "Classic load balancer uses an ACM certificate"
# description: "A classic load balancer should terminate TLS on every listener with a certificate (from AWS Certificate Manager, which renews it automatically, or IAM): a listener without ssl_certificate_id fails. A load balancer without listeners is not judged."
# custom:
#   id: IACPAC_AWS_ELB_011
#   severity: high
#   resource_types: [aws_elb]
#   checkov: [CKV_AWS_127]
#   remediation: "Add an HTTPS/SSL listener with ssl_certificate_id set to an ACM certificate ARN."
package iacpac.aws.elb.classic_elb_acm_certificate

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_elb")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Classic load balancer %s does not use an ACM certificate", [rc.address]),
	}
}

ok(rc) if {
	every listener in object.get(tf.expressions(rc), "listener", []) {
		listener.ssl_certificate_id
	}
}
