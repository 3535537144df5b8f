# METADATA
# title: "Transit gateway does not accept attachments automatically"
# description: "Automatic acceptance lets any account the gateway is shared with attach its VPCs without review."
# custom:
#   id: IACPAC_AWS_EC2_017
#   severity: low
#   resource_types: [aws_ec2_transit_gateway]
#   checkov: [CKV_AWS_331]
#   remediation: "Set auto_accept_shared_attachments = \"disable\"."
package iacpac.aws.ec2.transit_gateway_manual_attachments

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_ec2_transit_gateway")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Transit gateway %s accepts VPC attachments automatically", [rc.address]),
	}
}

ok(rc) if not tf.configured(rc, "auto_accept_shared_attachments")

ok(rc) if not tf.after(rc).auto_accept_shared_attachments == "enable"
