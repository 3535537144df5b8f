# METADATA
# title: "Bedrock agent is associated with a guardrail"
# description: "A guardrail filters harmful content, denied topics and sensitive data in what the agent receives and answers. The agent passes when its `guardrail_configuration` names a `guardrail_identifier`."
# custom:
#   id: IACPAC_AWS_BEDROCK_002
#   severity: low
#   resource_types: [aws_bedrockagent_agent]
#   checkov: [CKV_AWS_383]
#   remediation: "Create an aws_bedrock_guardrail and add guardrail_configuration { guardrail_identifier = ..., guardrail_version = ... } to the agent."
package iacpac.aws.bedrock.agent_guardrails

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some resource_type in ["aws_bedrockagent_agent"]
	some rc in tf.resources(resource_type)
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Bedrock agent %s has no guardrail", [rc.address]),
	}
}

ok(rc) if tf.block_set(rc, "guardrail_configuration", "guardrail_identifier")
