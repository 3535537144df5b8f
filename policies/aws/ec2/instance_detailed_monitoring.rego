# METADATA
# title: "EC2 instance has detailed monitoring"
# description: "Detailed monitoring publishes metrics every minute instead of every five, so scaling and alarms react faster."
# custom:
#   id: IACPAC_AWS_EC2_009
#   severity: medium
#   resource_types: [aws_instance]
#   checkov: [CKV_AWS_126]
#   remediation: "Set monitoring = true on the instance."
#   fix:
#     set:
#       monitoring: true
package iacpac.aws.ec2.instance_detailed_monitoring

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_instance")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("EC2 instance %s does not enable detailed monitoring", [rc.address]),
	}
}

ok(rc) if tf.after(rc).monitoring == true
