# METADATA
# title: "OpenSearch domain publishes logs"
# description: "Published slow/error/audit logs help investigate performance problems and abuse."
# custom:
#   id: IACPAC_AWS_OPENSEARCH_006
#   severity: medium
#   resource_types: [aws_elasticsearch_domain, aws_opensearch_domain]
#   checkov: [CKV_AWS_84]
#   remediation: "Add log_publishing_options with a log_type and cloudwatch_log_group_arn."
package iacpac.aws.opensearch.domain_logging

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some resource_type in {"aws_elasticsearch_domain", "aws_opensearch_domain"}
	some rc in tf.resources(resource_type)
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Search domain %s does not publish any logs", [rc.address]),
	}
}

ok(rc) if {
	some options in tf.blocks(tf.after(rc), "log_publishing_options")
	not options.enabled == false
}
