# METADATA
# title: "Launch template limits the metadata response hop limit to 1"
# description: "A hop limit above 1 lets containers on the instance reach the metadata service and its role credentials."
# custom:
#   id: IACPAC_AWS_EC2_018
#   severity: medium
#   resource_types: [aws_launch_configuration, aws_launch_template]
#   checkov: [CKV_AWS_341]
#   remediation: "Set metadata_options.http_put_response_hop_limit = 1."
package iacpac.aws.ec2.launch_template_hop_limit

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some resource_type in {"aws_launch_configuration", "aws_launch_template"}
	some rc in tf.resources(resource_type)
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("%s allows metadata responses to travel more than one hop", [rc.address]),
	}
}

ok(rc) if not object.get(tf.block(tf.after(rc), "metadata_options"), "http_put_response_hop_limit", null) > 1
