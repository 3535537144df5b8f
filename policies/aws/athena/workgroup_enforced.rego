# METADATA
# title: "Athena workgroup settings cannot be overridden by clients"
# description: "Unless the workgroup enforces its configuration, a client can override the result location and encryption settings per query and write results unencrypted. A workgroup whose `configuration` sets `enforce_workgroup_configuration = false` fails; true is the default."
# custom:
#   id: IACPAC_AWS_ATHENA_003
#   severity: medium
#   resource_types: [aws_athena_workgroup]
#   checkov: [CKV_AWS_82]
#   remediation: "Remove enforce_workgroup_configuration = false (or set it to true)."
package iacpac.aws.athena.workgroup_enforced

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_athena_workgroup")
	tf.block(tf.after(rc), "configuration").enforce_workgroup_configuration == false
	finding := {
		"address": rc.address,
		"message": sprintf("Athena workgroup %s lets clients override its configuration", [rc.address]),
	}
}
