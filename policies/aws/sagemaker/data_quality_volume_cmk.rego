# METADATA
# title: "SageMaker data quality job encrypts its processing volumes with KMS"
# description: "The instances of a monitoring job store the analysed data on attached volumes. The job definition passes when `job_resources.cluster_config` names a `volume_kms_key_id`."
# custom:
#   id: IACPAC_AWS_SAGEMAKER_011
#   severity: low
#   resource_types: [aws_sagemaker_data_quality_job_definition]
#   checkov: [CKV_AWS_368]
#   remediation: "Set volume_kms_key_id in job_resources.cluster_config."
package iacpac.aws.sagemaker.data_quality_volume_cmk

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_sagemaker_data_quality_job_definition")
	not tf.set_at(rc, ["job_resources", 0, "cluster_config", 0, "volume_kms_key_id"])
	finding := {
		"address": rc.address,
		"message": sprintf("SageMaker data quality job %s does not encrypt its volumes with KMS", [rc.address]),
	}
}
