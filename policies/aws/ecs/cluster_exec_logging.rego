# METADATA
# title: "ECS Exec sessions of the cluster are logged"
# description: "ECS Exec opens interactive shells in running containers; without logging there is no record of what was run. A cluster fails when its `execute_command_configuration` sets `logging = \"NONE\"`."
# custom:
#   id: IACPAC_AWS_ECS_003
#   severity: low
#   resource_types: [aws_ecs_cluster]
#   checkov: [CKV_AWS_223]
#   remediation: "Set logging = \"DEFAULT\" (or \"OVERRIDE\" with a log_configuration) in configuration.execute_command_configuration."
package iacpac.aws.ecs.cluster_exec_logging

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_ecs_cluster")
	some configuration in tf.blocks(tf.after(rc), "configuration")
	some exec in tf.blocks(configuration, "execute_command_configuration")
	exec.logging == "NONE"
	finding := {
		"address": rc.address,
		"message": sprintf("ECS cluster %s does not log ECS Exec sessions", [rc.address]),
	}
}
