# METADATA
# title: "DocumentDB cluster exports its logs"
# description: "Audit and profiler logs exported to CloudWatch record access and slow operations."
# custom:
#   id: IACPAC_AWS_DOCDB_002
#   severity: medium
#   resource_types: [aws_docdb_cluster]
#   checkov: [CKV_AWS_85]
#   remediation: "Set enabled_cloudwatch_logs_exports = [\"audit\", \"profiler\"]."
package iacpac.aws.docdb.cluster_log_exports

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_docdb_cluster")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("DocumentDB cluster %s does not export any logs", [rc.address]),
	}
}

ok(rc) if tf.set(rc, "enabled_cloudwatch_logs_exports")
