# METADATA
# title: "Aurora MySQL cluster exports audit logs"
# description: "MySQL-compatible clusters should export the `audit` log so that logins and queries can be traced."
# custom:
#   id: IACPAC_AWS_RDS_020
#   severity: low
#   resource_types: [aws_rds_cluster]
#   checkov: [CKV_AWS_325]
#   remediation: "Add \"audit\" to enabled_cloudwatch_logs_exports."
package iacpac.aws.rds.cluster_audit_logging

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_rds_cluster")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("RDS cluster %s does not export MySQL audit logs", [rc.address]),
	}
}

# Another engine (a cluster without `engine` is Aurora MySQL, the provider's default); an engine known only at apply
# time is not judged.
ok(rc) if {
	engine := tf.after(rc).engine
	is_string(engine)
	not engine in {"aurora", "aurora-mysql", "mysql"}
}

ok(rc) if tf.unknown(rc).engine == true

ok(rc) if "audit" in tf.after(rc).enabled_cloudwatch_logs_exports

ok(rc) if tf.unknown(rc).enabled_cloudwatch_logs_exports == true
