# METADATA
# title: "Network ACL is attached to subnets"
# description: "A network ACL that is not associated with any subnet protects nothing and usually means the intended subnet still uses the permissive default ACL. The ACL passes when it lists `subnet_ids` or an `aws_network_acl_association` references it."
# custom:
#   id: IACPAC_AWS_VPC_004
#   severity: info
#   resource_types: [aws_network_acl, aws_subnet]
#   checkov: [CKV2_AWS_1]
#   remediation: "Set subnet_ids on the aws_network_acl or add an aws_network_acl_association."
package iacpac.aws.vpc.network_acl_attached

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some acl in tf.resources("aws_network_acl")
	not attached(acl)
	finding := {
		"address": acl.address,
		"message": sprintf("Network ACL %s is not attached to any subnet", [acl.address]),
	}
}

attached(acl) if tf.set(acl, "subnet_ids")

attached(acl) if count(tf.connected_resources(acl, "aws_network_acl_association")) > 0
