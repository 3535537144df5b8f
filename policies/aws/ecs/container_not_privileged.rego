# METADATA
# title: "ECS containers do not run privileged"
# description: "A privileged container has root access to the host, so one compromised container takes over the instance and every task on it. A task definition fails when a container definition sets `privileged` (or `privilege`, the key Checkov reads) to true; definitions that cannot be read at plan time are not judged."
# custom:
#   id: IACPAC_AWS_ECS_007
#   severity: medium
#   resource_types: [aws_ecs_task_definition]
#   checkov: [CKV_AWS_334]
#   remediation: "Remove \"privileged\": true from the container definition; add only the Linux capabilities it needs."
package iacpac.aws.ecs.container_not_privileged

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_ecs_task_definition")
	some container in containers(rc)
	some key in ["privileged", "privilege"]
	container[key] == true
	finding := {
		"address": rc.address,
		"message": sprintf("ECS task definition %s runs a privileged container", [rc.address]),
	}
}

containers(rc) := tf.as_list(json.unmarshal(text)) if {
	text := tf.after(rc).container_definitions
	is_string(text)
	json.is_valid(text)
} else := []
