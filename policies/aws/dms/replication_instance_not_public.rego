# METADATA
# title: "DMS replication instance is not publicly accessible"
# description: "A public replication instance exposes the migration path (and its database credentials) to the internet."
# custom:
#   id: IACPAC_AWS_DMS_001
#   severity: low
#   resource_types: [aws_dms_replication_instance]
#   checkov: [CKV_AWS_89]
#   remediation: "Set publicly_accessible = false."
package iacpac.aws.dms.replication_instance_not_public

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_dms_replication_instance")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("DMS replication instance %s is publicly accessible", [rc.address]),
	}
}

ok(rc) if not tf.configured(rc, "publicly_accessible")

ok(rc) if not tf.after(rc).publicly_accessible == true
