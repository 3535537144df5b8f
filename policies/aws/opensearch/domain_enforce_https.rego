# METADATA
# title: "OpenSearch domain enforces HTTPS"
# description: "The domain endpoint should refuse plain HTTP requests; current providers enforce HTTPS unless `enforce_https = false` is written."
# custom:
#   id: IACPAC_AWS_OPENSEARCH_012
#   severity: medium
#   resource_types: [aws_elasticsearch_domain, aws_opensearch_domain]
#   checkov: [CKV_AWS_83]
#   remediation: "Add domain_endpoint_options { enforce_https = true }."
package iacpac.aws.opensearch.domain_enforce_https

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some resource_type in {"aws_elasticsearch_domain", "aws_opensearch_domain"}
	some rc in tf.resources(resource_type)
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Search domain %s does not enforce HTTPS", [rc.address]),
	}
}

ok(rc) if not tf.block(tf.after(rc), "domain_endpoint_options").enforce_https == false
