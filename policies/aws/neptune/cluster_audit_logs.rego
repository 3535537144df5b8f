# METADATA
# title: "Neptune cluster exports audit logs"
# description: "Audit logs record the queries run against the graph; they must be exported to CloudWatch to be kept."
# custom:
#   id: IACPAC_AWS_NEPTUNE_004
#   severity: high
#   resource_types: [aws_neptune_cluster]
#   checkov: [CKV_AWS_101]
#   remediation: "Set enable_cloudwatch_logs_exports = [\"audit\"]."
package iacpac.aws.neptune.cluster_audit_logs

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_neptune_cluster")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Neptune cluster %s does not export audit logs", [rc.address]),
	}
}

ok(rc) if "audit" in tf.after(rc).enable_cloudwatch_logs_exports

ok(rc) if tf.unknown(rc).enable_cloudwatch_logs_exports == true
