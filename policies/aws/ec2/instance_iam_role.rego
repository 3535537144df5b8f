# METADATA
# title: "EC2 instance has an IAM instance profile"
# description: "Instances without an instance profile tend to receive long-lived access keys in user data or on disk. An instance profile gives the workload short-lived, rotated role credentials instead."
# custom:
#   id: IACPAC_AWS_EC2_008
#   severity: info
#   resource_types: [aws_instance]
#   checkov: [CKV2_AWS_41]
#   remediation: "Create an aws_iam_instance_profile for a role with the permissions the workload needs and set iam_instance_profile."
#   fix:
#     set:
#       iam_instance_profile: {expr: "aws_iam_instance_profile.{{name}}.name"}
#     resource:
#       - type: aws_iam_role
#         name: "{{name}}_instance"
#         body: |
#           assume_role_policy = jsonencode({
#             Version = "2012-10-17"
#             Statement = [{
#               Effect    = "Allow"
#               Action    = "sts:AssumeRole"
#               Principal = { Service = "ec2.amazonaws.com" }
#             }]
#           })
#       - type: aws_iam_instance_profile
#         body: |
#           role = aws_iam_role.{{name}}_instance.name
package iacpac.aws.ec2.instance_iam_role

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_instance")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("EC2 instance %s has no IAM instance profile attached", [rc.address]),
	}
}

ok(rc) if tf.configured(rc, "iam_instance_profile")
