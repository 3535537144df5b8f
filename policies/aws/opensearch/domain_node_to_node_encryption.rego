# METADATA
# title: "OpenSearch domain encrypts node-to-node traffic"
# description: "Node-to-node encryption adds TLS between the nodes of the cluster."
# custom:
#   id: IACPAC_AWS_OPENSEARCH_002
#   severity: medium
#   resource_types: [aws_elasticsearch_domain, aws_opensearch_domain]
#   checkov: [CKV_AWS_6]
#   remediation: "Add node_to_node_encryption { enabled = true }."
package iacpac.aws.opensearch.domain_node_to_node_encryption

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some resource_type in {"aws_elasticsearch_domain", "aws_opensearch_domain"}
	some rc in tf.resources(resource_type)
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Search domain %s does not encrypt node-to-node traffic", [rc.address]),
	}
}

ok(rc) if tf.block(tf.after(rc), "node_to_node_encryption").enabled == true
