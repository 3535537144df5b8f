# METADATA
# title: "ECS task does not share the host's process namespace"
# description: "With `pidMode = \"host\"` the containers see and can signal every process on the instance. A task definition fails when the task or one of its containers uses the host PID mode."
# custom:
#   id: IACPAC_AWS_ECS_008
#   severity: medium
#   resource_types: [aws_ecs_task_definition]
#   checkov: [CKV_AWS_335]
#   remediation: "Remove pid_mode = \"host\" (and \"pidMode\": \"host\" from container definitions)."
package iacpac.aws.ecs.task_no_host_pid

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_ecs_task_definition")
	host_pid(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("ECS task definition %s shares the host's process namespace", [rc.address]),
	}
}

host_pid(rc) if tf.after(rc).pid_mode == "host"

host_pid(rc) if {
	text := tf.after(rc).container_definitions
	is_string(text)
	json.is_valid(text)
	some container in tf.as_list(json.unmarshal(text))
	container.pidMode == "host"
}
