# METADATA
# title: "ECS Exec sessions use a customer managed key and encrypted logs"
# description: "When a cluster configures ECS Exec with logging, the session data should be encrypted with a customer managed key (`kms_key_id`) and the session logs written encrypted (`cloud_watch_encryption_enabled` or `s3_bucket_encryption_enabled` in `log_configuration`). Clusters whose ECS Exec logging is NONE, or that do not configure ECS Exec, are not judged here."
# custom:
#   id: IACPAC_AWS_ECS_004
#   severity: low
#   resource_types: [aws_ecs_cluster]
#   checkov: [CKV_AWS_224]
#   remediation: "Set kms_key_id and log_configuration { cloud_watch_encryption_enabled = true, ... } in configuration.execute_command_configuration."
package iacpac.aws.ecs.cluster_exec_encrypted

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_ecs_cluster")
	some i, configuration in tf.blocks(tf.after(rc), "configuration")
	some j, exec in tf.blocks(configuration, "execute_command_configuration")
	not exec.logging == "NONE"
	not protected(rc, exec, ["configuration", i, "execute_command_configuration", j, "kms_key_id"])
	finding := {
		"address": rc.address,
		"message": sprintf("ECS cluster %s does not encrypt ECS Exec sessions and logs with a customer managed key", [rc.address]),
	}
}

protected(rc, exec, key_path) if {
	tf.set_at(rc, key_path)
	some log in tf.blocks(exec, "log_configuration")
	some flag in ["cloud_watch_encryption_enabled", "s3_bucket_encryption_enabled"]
	log[flag] == true
}
