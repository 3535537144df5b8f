# METADATA
# title: "SNS topic is encrypted"
# description: "Server-side encryption with KMS protects message contents stored by SNS."
# custom:
#   id: IACPAC_AWS_SNS_001
#   severity: medium
#   resource_types: [aws_sns_topic]
#   checkov: [CKV_AWS_26]
#   remediation: "Set kms_master_key_id (e.g. \"alias/aws/sns\" or a customer key)."
#   fix:
#     set:
#       kms_master_key_id: alias/aws/sns
package iacpac.aws.sns.topic_encrypted

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_sns_topic")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("SNS topic %s is not encrypted", [rc.address]),
	}
}

ok(rc) if tf.set(rc, "kms_master_key_id")
