# METADATA
# title: "OpenSearch domain encrypts node-to-node traffic"
# description: "Node-to-node encryption adds TLS between the nodes of the cluster. It only matters when the cluster has more than one node, so a domain whose cluster_config sets instance_count to more than 1 must enable it; a single-node domain or one that leaves instance_count to the service passes."
# custom:
#   id: IACPAC_AWS_OPENSEARCH_002
#   severity: medium
#   resource_types: [aws_elasticsearch_domain, aws_opensearch_domain]
#   checkov: [CKV_AWS_6]
#   remediation: "Add node_to_node_encryption { enabled = true }."
#   fix:
#     set:
#       node_to_node_encryption.enabled: true
package iacpac.aws.opensearch.domain_node_to_node_encryption

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some resource_type in {"aws_elasticsearch_domain", "aws_opensearch_domain"}
	some rc in tf.resources(resource_type)
	tf.block_configured(rc, "cluster_config", "instance_count")
	instances := tf.block(tf.after(rc), "cluster_config").instance_count
	is_number(instances)
	instances > 1
	not encrypted(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Search domain %s runs %d nodes without node-to-node encryption", [rc.address, instances]),
	}
}

encrypted(rc) if tf.block(tf.after(rc), "node_to_node_encryption").enabled == true

# Decided at apply time: not judged.
encrypted(rc) if tf.block(tf.unknown(rc), "node_to_node_encryption").enabled == true
