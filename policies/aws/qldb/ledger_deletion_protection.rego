# METADATA
# title: "QLDB ledger keeps deletion protection"
# description: "Deletion protection stops the immutable journal from being deleted by mistake."
# custom:
#   id: IACPAC_AWS_QLDB_002
#   severity: low
#   resource_types: [aws_qldb_ledger]
#   checkov: [CKV_AWS_172]
#   remediation: "Remove deletion_protection = false."
package iacpac.aws.qldb.ledger_deletion_protection

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_qldb_ledger")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("QLDB ledger %s disables deletion protection", [rc.address]),
	}
}

ok(rc) if not tf.configured(rc, "deletion_protection")

ok(rc) if not tf.after(rc).deletion_protection == false
