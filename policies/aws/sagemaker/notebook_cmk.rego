# METADATA
# title: "SageMaker notebook storage is encrypted with a customer managed key"
# description: "The notebook ML storage volume should be encrypted with a customer managed KMS key."
# custom:
#   id: IACPAC_AWS_SAGEMAKER_001
#   severity: low
#   resource_types: [aws_sagemaker_notebook_instance]
#   checkov: [CKV_AWS_22]
#   remediation: "Set kms_key_id on the aws_sagemaker_notebook_instance."
package iacpac.aws.sagemaker.notebook_cmk

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_sagemaker_notebook_instance")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("SageMaker notebook %s is not encrypted with a customer managed KMS key", [rc.address]),
	}
}

ok(rc) if tf.set(rc, "kms_key_id")
