# METADATA
# title: "EMR security configuration uses SSE-KMS"
# description: "With SSE-KMS the data EMR writes to S3 is encrypted under a KMS key whose policy governs access. The security configuration passes when its configuration document uses SSE-KMS."
# custom:
#   id: IACPAC_AWS_EMR_005
#   severity: low
#   resource_types: [aws_emr_security_configuration]
#   checkov: [CKV_AWS_171]
#   remediation: "Set AtRestEncryptionConfiguration.S3EncryptionConfiguration { EncryptionMode = \"SSE-KMS\", AwsKmsKey = ... } in the configuration."
package iacpac.aws.emr.security_configuration_sse_kms

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_emr_security_configuration")
	text := tf.after(rc).configuration
	is_string(text)
	not contains(text, "SSE-KMS")
	finding := {
		"address": rc.address,
		"message": sprintf("EMR security configuration %s does not use SSE-KMS", [rc.address]),
	}
}
