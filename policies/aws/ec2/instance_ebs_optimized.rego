# METADATA
# title: "EC2 instance is EBS-optimized"
# description: "EBS optimization gives the instance dedicated bandwidth to its volumes, so storage traffic does not compete with network traffic."
# custom:
#   id: IACPAC_AWS_EC2_010
#   severity: low
#   resource_types: [aws_instance]
#   checkov: [CKV_AWS_135]
#   remediation: "Set ebs_optimized = true on the instance."
package iacpac.aws.ec2.instance_ebs_optimized

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_instance")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("EC2 instance %s is not EBS-optimized", [rc.address]),
	}
}

ok(rc) if tf.after(rc).ebs_optimized == true
