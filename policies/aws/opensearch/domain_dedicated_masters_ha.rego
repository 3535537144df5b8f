# METADATA
# title: "OpenSearch domain has three dedicated master nodes"
# description: "At least three dedicated master nodes spread over availability zones keep the cluster manageable when one node or zone fails: cluster_config must set dedicated_master_count to 3 or more and zone_awareness_enabled = true."
# custom:
#   id: IACPAC_AWS_OPENSEARCH_007
#   severity: medium
#   resource_types: [aws_elasticsearch_domain, aws_opensearch_domain]
#   checkov: [CKV_AWS_318]
#   remediation: "Set cluster_config { dedicated_master_enabled = true, dedicated_master_count = 3, zone_awareness_enabled = true }."
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
	config.dedicated_master_count >= 3
	config.zone_awareness_enabled == true
}
