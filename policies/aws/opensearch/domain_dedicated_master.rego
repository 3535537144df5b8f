# METADATA
# title: "OpenSearch domain has dedicated master nodes"
# description: "Dedicated master nodes take cluster management off the data nodes and improve stability."
# custom:
#   id: IACPAC_AWS_OPENSEARCH_008
#   severity: low
#   resource_types: [aws_elasticsearch_domain, aws_opensearch_domain]
#   checkov: [CKV2_AWS_59]
#   remediation: "Set cluster_config { dedicated_master_enabled = true }."
package iacpac.aws.opensearch.domain_dedicated_master

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some resource_type in {"aws_elasticsearch_domain", "aws_opensearch_domain"}
	some rc in tf.resources(resource_type)
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Search domain %s has no dedicated master nodes", [rc.address]),
	}
}

ok(rc) if tf.block(tf.after(rc), "cluster_config").dedicated_master_enabled == true
