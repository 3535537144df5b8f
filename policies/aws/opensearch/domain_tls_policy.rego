# METADATA
# title: "OpenSearch domain endpoint requires TLS 1.2"
# description: "The domain endpoint should use a TLS security policy that rejects TLS 1.0 and 1.1."
# custom:
#   id: IACPAC_AWS_OPENSEARCH_004
#   severity: low
#   resource_types: [aws_elasticsearch_domain, aws_opensearch_domain]
#   checkov: [CKV_AWS_228]
#   remediation: "Add domain_endpoint_options { enforce_https = true, tls_security_policy = \"Policy-Min-TLS-1-2-2019-07\" }."
#   fix:
#     set:
#       domain_endpoint_options.tls_security_policy: Policy-Min-TLS-1-2-2019-07
package iacpac.aws.opensearch.domain_tls_policy

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some resource_type in {"aws_elasticsearch_domain", "aws_opensearch_domain"}
	some rc in tf.resources(resource_type)
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Search domain %s accepts TLS versions older than 1.2", [rc.address]),
	}
}

ok(rc) if {
	tf.block_configured(rc, "domain_endpoint_options", "tls_security_policy")
	startswith(tf.block(tf.after(rc), "domain_endpoint_options").tls_security_policy, "Policy-Min-TLS-1-2")
}
