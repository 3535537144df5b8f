# METADATA
# title: "SageMaker notebook role does not allow every action"
# description: "A notebook runs arbitrary code with its execution role; an inline role policy that allows \"*\" actions gives everyone who can open the notebook full control of the account. A notebook instance fails when a role connected to it has an inline policy (or a `policy` written on the role) with an Allow statement for action \"*\"."
# custom:
#   id: IACPAC_AWS_SAGEMAKER_009
#   severity: medium
#   resource_types: [aws_sagemaker_notebook_instance]
#   checkov: [CKV2_AWS_68]
#   remediation: "Give the notebook's role only the actions its jobs need."
package iacpac.aws.sagemaker.notebook_role_not_star

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some notebook in tf.resources("aws_sagemaker_notebook_instance")
	some role in tf.connected_resources(notebook, "aws_iam_role")
	allows_everything(role)
	finding := {
		"address": notebook.address,
		"message": sprintf("SageMaker notebook %s runs with a role that allows every action", [notebook.address]),
	}
}

allows_everything(role) if {
	some text in policy_texts(role)
	is_string(text)
	json.is_valid(text)
	some statement in tf.as_list(object.get(json.unmarshal(text), "Statement", []))
	statement.Effect == "Allow"
	"*" in tf.as_list(object.get(statement, "Action", []))
}

# Inline policies of the role, and a `policy` argument written on the role itself (not a role argument, but read
# where a configuration writes it, as Checkov does).
policy_texts(role) := array.concat([inline.policy | some inline in tf.blocks(tf.after(role), "inline_policy")], [object.get(tf.after(role), "policy", null)])
