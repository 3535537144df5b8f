# METADATA
# title: "EFS volumes of ECS tasks are mounted with encryption in transit"
# description: "Without transit encryption, file data between the task and EFS crosses the network in clear text. The first EFS volume of a task definition decides: its `efs_volume_configuration` must set `transit_encryption = \"ENABLED\"`."
# custom:
#   id: IACPAC_AWS_ECS_010
#   severity: high
#   resource_types: [aws_ecs_task_definition]
#   checkov: [CKV_AWS_97]
#   remediation: "Set transit_encryption = \"ENABLED\" in every efs_volume_configuration."
package iacpac.aws.ecs.task_efs_transit_encryption

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_ecs_task_definition")
	efs := first_efs_volume(rc)
	not efs.transit_encryption == "ENABLED"
	finding := {
		"address": rc.address,
		"message": sprintf("ECS task definition %s mounts EFS without encryption in transit", [rc.address]),
	}
}

first_efs_volume(rc) := [efs |
	some volume in tf.blocks(tf.after(rc), "volume")
	some efs in tf.blocks(volume, "efs_volume_configuration")
][0]
