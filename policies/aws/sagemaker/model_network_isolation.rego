# METADATA
# title: "SageMaker model runs with network isolation"
# description: "Network isolation stops model containers from making outbound network calls, so a compromised model cannot exfiltrate data."
# custom:
#   id: IACPAC_AWS_SAGEMAKER_006
#   severity: medium
#   resource_types: [aws_sagemaker_model]
#   checkov: [CKV_AWS_370]
#   remediation: "Set enable_network_isolation = true on the aws_sagemaker_model."
package iacpac.aws.sagemaker.model_network_isolation

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_sagemaker_model")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("SageMaker model %s does not enable network isolation", [rc.address]),
	}
}

ok(rc) if tf.configured_value(rc, "enable_network_isolation", true)
