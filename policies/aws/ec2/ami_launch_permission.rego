# METADATA
# title: "AMI launch permissions are not granted"
# description: "An `aws_ami_launch_permission` shares an AMI (and the data baked into it) with another account, organisation or everyone. Every such grant is reported so it can be reviewed or suppressed where the sharing is intended."
# custom:
#   id: IACPAC_AWS_EC2_025
#   severity: low
#   resource_types: [aws_ami_launch_permission]
#   checkov: [CKV_AWS_205]
#   remediation: "Remove the aws_ami_launch_permission, or suppress the finding where sharing the AMI is intended."
package iacpac.aws.ec2.ami_launch_permission

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_ami_launch_permission")
	finding := {
		"address": rc.address,
		"message": sprintf("%s shares an AMI with other accounts", [rc.address]),
	}
}
