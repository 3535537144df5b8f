# METADATA
# title: "OpenSearch domain has three dedicated master nodes"
# description: "At least three dedicated master nodes keep the cluster manageable when one fails."
# custom:
#   id: IACPAC_AWS_OPENSEARCH_007
#   severity: medium
#   resource_types: [aws_elasticsearch_domain, aws_opensearch_domain]
#   checkov: [CKV_AWS_318]
#   remediation: "Set cluster_config { dedicated_master_enabled = true, dedicated_master_count = 3 }."
package iacpac.aws.opensearch.domain_dedicated_masters_ha

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some resource_type in {"aws_elasticsearch_domain", "aws_opensearch_domain"}
	some rc in tf.resources(resource_type)
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Search domain %s does not run at least three dedicated master nodes", [rc.address]),
	}
}

ok(rc) if {
	config := tf.block(tf.after(rc), "cluster_config")
	config.dedicated_master_enabled == true
	config.dedicated_master_count >= 3
}
