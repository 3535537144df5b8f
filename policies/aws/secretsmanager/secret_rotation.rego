# METADATA
# title: "Secrets Manager secret rotates automatically"
# description: "Rotating secrets limits how long a leaked credential stays useful. The secret passes when an `aws_secretsmanager_secret_rotation` is connected to it."
# custom:
#   id: IACPAC_AWS_SECRETSMANAGER_002
#   severity: low
#   resource_types: [aws_secretsmanager_secret, aws_secretsmanager_secret_rotation]
#   checkov: [CKV2_AWS_57]
#   remediation: "Add an aws_secretsmanager_secret_rotation with a rotation Lambda and rotation_rules."
package iacpac.aws.secretsmanager.secret_rotation

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some secret in tf.resources("aws_secretsmanager_secret")
	count(tf.connected_resources(secret, "aws_secretsmanager_secret_rotation")) == 0
	finding := {
		"address": secret.address,
		"message": sprintf("Secret %s has no automatic rotation", [secret.address]),
	}
}
