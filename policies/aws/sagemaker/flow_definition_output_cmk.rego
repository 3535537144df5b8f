# METADATA
# title: "SageMaker flow definition encrypts human review output with KMS"
# description: "Human review workflows write the reviewed data and the reviewers' answers to S3. The flow definition passes when its `output_config` names a `kms_key_id`."
# custom:
#   id: IACPAC_AWS_SAGEMAKER_013
#   severity: low
#   resource_types: [aws_sagemaker_flow_definition]
#   checkov: [CKV_AWS_372]
#   remediation: "Set kms_key_id in the output_config of the aws_sagemaker_flow_definition."
package iacpac.aws.sagemaker.flow_definition_output_cmk

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some resource_type in ["aws_sagemaker_flow_definition"]
	some rc in tf.resources(resource_type)
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("SageMaker flow definition %s does not encrypt its output with KMS", [rc.address]),
	}
}

ok(rc) if tf.block_set(rc, "output_config", "kms_key_id")
