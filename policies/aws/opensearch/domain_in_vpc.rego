# METADATA
# title: "OpenSearch domain is deployed in a VPC"
# description: "Domains outside a VPC have a public endpoint protected only by the access policy."
# custom:
#   id: IACPAC_AWS_OPENSEARCH_010
#   severity: low
#   resource_types: [aws_elasticsearch_domain, aws_opensearch_domain]
#   checkov: [CKV_AWS_137]
#   remediation: "Add vpc_options { subnet_ids = [...], security_group_ids = [...] }."
package iacpac.aws.opensearch.domain_in_vpc

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some resource_type in {"aws_elasticsearch_domain", "aws_opensearch_domain"}
	some rc in tf.resources(resource_type)
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Search domain %s is not deployed in a VPC", [rc.address]),
	}
}

ok(rc) if count(tf.blocks(tf.after(rc), "vpc_options")) > 0
