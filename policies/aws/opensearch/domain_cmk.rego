# METADATA
# title: "OpenSearch domain is encrypted with a customer managed key"
# description: "A customer managed key keeps control over who can decrypt the indices."
# custom:
#   id: IACPAC_AWS_OPENSEARCH_003
#   severity: low
#   resource_types: [aws_elasticsearch_domain, aws_opensearch_domain]
#   checkov: [CKV_AWS_247]
#   remediation: "Set encrypt_at_rest { enabled = true, kms_key_id = aws_kms_key.<name>.arn }."
package iacpac.aws.opensearch.domain_cmk

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some resource_type in {"aws_elasticsearch_domain", "aws_opensearch_domain"}
	some rc in tf.resources(resource_type)
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Search domain %s is not encrypted with a customer managed KMS key", [rc.address]),
	}
}

ok(rc) if tf.block_set(rc, "encrypt_at_rest", "kms_key_id")
