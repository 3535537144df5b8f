# METADATA
# title: "OpenSearch domain publishes audit logs"
# description: "Audit logs record authentication and index access on the domain; they must be published to CloudWatch Logs."
# custom:
#   id: IACPAC_AWS_OPENSEARCH_005
#   severity: medium
#   resource_types: [aws_elasticsearch_domain, aws_opensearch_domain]
#   checkov: [CKV_AWS_317]
#   remediation: "Add log_publishing_options { log_type = \"AUDIT_LOGS\", cloudwatch_log_group_arn = ... }."
package iacpac.aws.opensearch.domain_audit_logs

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some resource_type in {"aws_elasticsearch_domain", "aws_opensearch_domain"}
	some rc in tf.resources(resource_type)
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Search domain %s does not publish audit logs", [rc.address]),
	}
}

ok(rc) if {
	some options in tf.blocks(tf.after(rc), "log_publishing_options")
	options.log_type == "AUDIT_LOGS"
	not options.enabled == false
}
