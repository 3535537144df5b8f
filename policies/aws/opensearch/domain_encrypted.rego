# METADATA
# title: "OpenSearch domain is encrypted at rest"
# description: "Encryption at rest protects indices, logs, swap files and automated snapshots."
# custom:
#   id: IACPAC_AWS_OPENSEARCH_001
#   severity: low
#   resource_types: [aws_elasticsearch_domain, aws_opensearch_domain]
#   checkov: [CKV_AWS_5]
#   remediation: "Add encrypt_at_rest { enabled = true }."
#   fix:
#     set:
#       encrypt_at_rest.enabled: true
package iacpac.aws.opensearch.domain_encrypted

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some resource_type in {"aws_elasticsearch_domain", "aws_opensearch_domain"}
	some rc in tf.resources(resource_type)
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Search domain %s is not encrypted at rest", [rc.address]),
	}
}

ok(rc) if tf.block(tf.after(rc), "encrypt_at_rest").enabled == true
