# METADATA
# title: "OpenSearch domain does not use the default security group"
# description: "A domain in a VPC without its own security groups gets the VPC default group, usually far too open."
# custom:
#   id: IACPAC_AWS_OPENSEARCH_011
#   severity: low
#   resource_types: [aws_elasticsearch_domain, aws_opensearch_domain]
#   checkov: [CKV_AWS_248]
#   remediation: "Set vpc_options.security_group_ids to a dedicated security group."
package iacpac.aws.opensearch.domain_custom_security_group

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some resource_type in {"aws_elasticsearch_domain", "aws_opensearch_domain"}
	some rc in tf.resources(resource_type)
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Search domain %s relies on the default security group", [rc.address]),
	}
}

ok(rc) if tf.block_set(rc, "vpc_options", "security_group_ids")
