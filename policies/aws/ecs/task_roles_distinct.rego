# METADATA
# title: "ECS task definition uses different execution and task roles"
# description: "The execution role pulls images and reads secrets for the agent; the task role is what the application code runs as. Using the same role for both gives the application the agent's permissions. A task definition fails when both are set to the same value."
# custom:
#   id: IACPAC_AWS_ECS_006
#   severity: low
#   resource_types: [aws_ecs_task_definition]
#   checkov: [CKV_AWS_249]
#   remediation: "Create a separate task role with only the permissions the application needs."
package iacpac.aws.ecs.task_roles_distinct

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_ecs_task_definition")
	tf.configured(rc, "execution_role_arn")
	tf.configured(rc, "task_role_arn")
	same_role(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("ECS task definition %s uses the same role for execution and for the task", [rc.address]),
	}
}

same_role(rc) if {
	role := tf.after(rc).execution_role_arn
	not tf.empty(role)
	role == tf.after(rc).task_role_arn
}

# Both written as the same reference (e.g. the same aws_iam_role's arn).
same_role(rc) if {
	refs := tf.attribute_references(rc, "execution_role_arn")
	count(refs) > 0
	refs == tf.attribute_references(rc, "task_role_arn")
}
