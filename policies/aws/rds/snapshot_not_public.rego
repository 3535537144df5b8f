# METADATA
# title: "RDS snapshot is not public"
# description: "A snapshot shared with \"all\" can be copied and restored by any AWS account, which hands out the whole database. Snapshots whose `shared_accounts` include all fail."
# custom:
#   id: IACPAC_AWS_RDS_032
#   severity: medium
#   resource_types: [aws_db_snapshot]
#   checkov: [CKV_AWS_302]
#   remediation: "Remove \"all\" from shared_accounts; share only with named account ids."
package iacpac.aws.rds.snapshot_not_public

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_db_snapshot")
	"all" in object.get(tf.after(rc), "shared_accounts", [])
	finding := {
		"address": rc.address,
		"message": sprintf("RDS snapshot %s is shared with every AWS account", [rc.address]),
	}
}
