# METADATA
# title: "SageMaker domain and notebooks are encrypted with a customer managed key"
# description: "Domain EFS volumes and notebook storage should be encrypted with a customer managed KMS key."
# custom:
#   id: IACPAC_AWS_SAGEMAKER_002
#   severity: low
#   resource_types: [aws_sagemaker_domain, aws_sagemaker_notebook_instance]
#   checkov: [CKV_AWS_187]
#   remediation: "Set kms_key_id on the aws_sagemaker_domain or aws_sagemaker_notebook_instance."
package iacpac.aws.sagemaker.domain_cmk

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some resource_type in {"aws_sagemaker_domain", "aws_sagemaker_notebook_instance"}
	some rc in tf.resources(resource_type)
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("%s is not encrypted with a customer managed KMS key", [rc.address]),
	}
}

ok(rc) if tf.set(rc, "kms_key_id")
