# METADATA
# title: "Bedrock agent is encrypted with a customer managed key"
# description: "A Bedrock agent stores its instructions and session data; with a customer managed key (`customer_encryption_key_arn`) access to them is governed by the key policy."
# custom:
#   id: IACPAC_AWS_BEDROCK_001
#   severity: medium
#   resource_types: [aws_bedrockagent_agent]
#   checkov: [CKV_AWS_373]
#   remediation: "Set customer_encryption_key_arn on the aws_bedrockagent_agent to a customer managed aws_kms_key."
package iacpac.aws.bedrock.agent_cmk

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some resource_type in ["aws_bedrockagent_agent"]
	some rc in tf.resources(resource_type)
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Bedrock agent %s is not encrypted with a customer managed key", [rc.address]),
	}
}

ok(rc) if tf.set(rc, "customer_encryption_key_arn")
