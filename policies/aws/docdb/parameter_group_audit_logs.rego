# METADATA
# title: "DocumentDB parameter group turns on audit logs"
# description: "Audit logs record authentication, authorisation and data-definition events of the cluster. The cluster parameter group passes when its `audit_logs` parameter enables them (enabled, all, or a list of event categories); a group without the parameter fails."
# custom:
#   id: IACPAC_AWS_DOCDB_005
#   severity: low
#   resource_types: [aws_docdb_cluster_parameter_group]
#   checkov: [CKV_AWS_104]
#   remediation: "Add parameter { name = \"audit_logs\", value = \"enabled\" } and export the audit log to CloudWatch on the cluster."
package iacpac.aws.docdb.parameter_group_audit_logs

import rego.v1

import data.iacpac.lib.terraform as tf

accepted_values := ["enabled", "ddl", "dml_read", "dml_write", "all"]

deny contains finding if {
	some rc in tf.resources("aws_docdb_cluster_parameter_group")
	not audited(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("DocumentDB parameter group %s does not enable audit logs", [rc.address]),
	}
}

audited(rc) if {
	some parameter in tf.blocks(tf.after(rc), "parameter")
	parameter.name == "audit_logs"
	some accepted in accepted_values
	contains(parameter.value, accepted)
}

audited(rc) if tf.unknown(rc).parameter == true
