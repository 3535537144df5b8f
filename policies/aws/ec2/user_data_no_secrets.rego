# METADATA
# title: "EC2 user data does not contain AWS access keys"
# description: "User data is readable by anyone who can describe the instance or reach its metadata service; AWS access keys written into it (literally, in the configuration) leak with it. The provider stores user data as a hash, so the text is read from the configuration."
# custom:
#   id: IACPAC_AWS_EC2_019
#   severity: high
#   resource_types: [aws_instance, aws_launch_configuration, aws_launch_template]
#   checkov: [CKV_AWS_46]
#   remediation: "Give the instance an IAM role (instance profile) instead of keys, and read other secrets from Secrets Manager or SSM at boot."
package iacpac.aws.ec2.user_data_no_secrets

import rego.v1

import data.iacpac.lib.terraform as tf

aws_key := `(A3T[A-Z0-9]|AKIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|ASIA)[A-Z0-9]{16}`

deny contains finding if {
	some resource_type in {"aws_instance", "aws_launch_configuration", "aws_launch_template"}
	some rc in tf.resources(resource_type)
	some attribute in ["user_data", "user_data_base64"]
	text := user_data_text(tf.expressions(rc)[attribute].constant_value, attribute)
	regex.match(aws_key, text)
	finding := {
		"address": rc.address,
		"message": sprintf("%s has an AWS access key in its %s", [rc.address, attribute]),
	}
}

user_data_text(value, "user_data") := value if is_string(value)

user_data_text(value, "user_data_base64") := base64.decode(value) if {
	is_string(value)
	base64.is_valid(value)
}
