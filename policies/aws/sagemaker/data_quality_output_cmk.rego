# METADATA
# title: "SageMaker data quality job encrypts its output with KMS"
# description: "Monitoring jobs write statistics and constraint violations derived from the captured model traffic. The job definition passes when `data_quality_job_output_config` names a `kms_key_id`."
# custom:
#   id: IACPAC_AWS_SAGEMAKER_010
#   severity: low
#   resource_types: [aws_sagemaker_data_quality_job_definition]
#   checkov: [CKV_AWS_367]
#   remediation: "Set kms_key_id in data_quality_job_output_config."
package iacpac.aws.sagemaker.data_quality_output_cmk

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some resource_type in ["aws_sagemaker_data_quality_job_definition"]
	some rc in tf.resources(resource_type)
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("SageMaker data quality job %s does not encrypt its output with KMS", [rc.address]),
	}
}

ok(rc) if tf.block_set(rc, "data_quality_job_output_config", "kms_key_id")
