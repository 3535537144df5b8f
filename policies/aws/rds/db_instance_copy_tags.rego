# METADATA
# title: "RDS instance copies tags to snapshots"
# description: "Copying tags to snapshots keeps ownership and classification tags on backups, which access policies and cost reports rely on. An instance passes only when it sets copy_tags_to_snapshot = true and its engine is not neptune, aurora or docdb: instances of those engines take the setting from their cluster, so it is reported there (see the cluster policies)."
# custom:
#   id: IACPAC_AWS_RDS_011
#   severity: info
#   resource_types: [aws_db_instance]
#   checkov: [CKV2_AWS_60]
#   remediation: "Set copy_tags_to_snapshot = true."
#   fix:
#     set:
#       copy_tags_to_snapshot: true
package iacpac.aws.rds.db_instance_copy_tags

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_db_instance")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("RDS instance %s does not copy its tags to snapshots", [rc.address]),
	}
}

ok(rc) if {
	tf.configured_value(rc, "copy_tags_to_snapshot", true)
	not object.get(tf.after(rc), "engine", null) in {"neptune", "aurora", "docdb"}
}
