# METADATA
# title: "VPC endpoint service requires manual acceptance"
# description: "Manual acceptance stops any account that knows the service name from connecting to it."
# custom:
#   id: IACPAC_AWS_VPC_005
#   severity: low
#   resource_types: [aws_vpc_endpoint_service]
#   checkov: [CKV_AWS_123]
#   remediation: "Set acceptance_required = true."
package iacpac.aws.vpc.endpoint_service_manual_acceptance

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_vpc_endpoint_service")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("VPC endpoint service %s accepts connections automatically", [rc.address]),
	}
}

ok(rc) if tf.configured_value(rc, "acceptance_required", true)
