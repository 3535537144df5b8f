# METADATA
# title: "ECS containers have a read-only root filesystem"
# description: "A writable root filesystem lets an attacker who gets code execution drop tools or change binaries in the container. Every container definition must set `readonlyRootFilesystem` to true; definitions that cannot be read at plan time are not judged."
# custom:
#   id: IACPAC_AWS_ECS_009
#   severity: info
#   resource_types: [aws_ecs_task_definition]
#   checkov: [CKV_AWS_336]
#   remediation: "Set \"readonlyRootFilesystem\": true in each container definition and mount volumes for paths that must be writable."
package iacpac.aws.ecs.container_read_only_root

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_ecs_task_definition")
	text := tf.after(rc).container_definitions
	is_string(text)
	json.is_valid(text)
	some container in tf.as_list(json.unmarshal(text))
	is_object(container)
	not container.readonlyRootFilesystem == true
	finding := {
		"address": rc.address,
		"message": sprintf("ECS task definition %s has a container with a writable root filesystem", [rc.address]),
	}
}
