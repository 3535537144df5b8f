# METADATA
# title: "QLDB ledger uses the STANDARD permissions mode"
# description: "ALLOW_ALL grants every API caller full access to all tables; STANDARD enforces table-level IAM permissions."
# custom:
#   id: IACPAC_AWS_QLDB_001
#   severity: medium
#   resource_types: [aws_qldb_ledger]
#   checkov: [CKV_AWS_170]
#   remediation: "Set permissions_mode = \"STANDARD\"."
package iacpac.aws.qldb.ledger_standard_permissions

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_qldb_ledger")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("QLDB ledger %s does not use the STANDARD permissions mode", [rc.address]),
	}
}

ok(rc) if tf.configured_value(rc, "permissions_mode", "STANDARD")
