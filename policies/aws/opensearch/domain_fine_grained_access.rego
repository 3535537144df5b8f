# METADATA
# title: "OpenSearch domain has fine-grained access control"
# description: "Fine-grained access control adds index-, document- and field-level permissions and an internal user database."
# custom:
#   id: IACPAC_AWS_OPENSEARCH_009
#   severity: low
#   resource_types: [aws_elasticsearch_domain, aws_opensearch_domain]
#   checkov: [CKV2_AWS_52]
#   remediation: "Add advanced_security_options { enabled = true, ... }."
package iacpac.aws.opensearch.domain_fine_grained_access

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some resource_type in {"aws_elasticsearch_domain", "aws_opensearch_domain"}
	some rc in tf.resources(resource_type)
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Search domain %s does not enable fine-grained access control", [rc.address]),
	}
}

ok(rc) if tf.block(tf.after(rc), "advanced_security_options").enabled == true

ok(rc) if tf.block(tf.after(rc), "advanced_security_options").internal_user_database_enabled == true
