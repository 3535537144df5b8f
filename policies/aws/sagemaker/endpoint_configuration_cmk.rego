# METADATA
# title: "SageMaker endpoint storage is encrypted"
# description: "The storage volumes attached to endpoint instances should be encrypted with a KMS key."
# custom:
#   id: IACPAC_AWS_SAGEMAKER_007
#   severity: high
#   resource_types: [aws_sagemaker_endpoint_configuration]
#   checkov: [CKV_AWS_98]
#   remediation: "Set kms_key_arn on the aws_sagemaker_endpoint_configuration."
package iacpac.aws.sagemaker.endpoint_configuration_cmk

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_sagemaker_endpoint_configuration")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("SageMaker endpoint configuration %s does not encrypt its storage", [rc.address]),
	}
}

ok(rc) if tf.set(rc, "kms_key_arn")
