# METADATA
# title: "SageMaker data quality job encrypts traffic between its instances"
# description: "A distributed monitoring job passes data between its instances; `network_config.enable_inter_container_traffic_encryption = true` encrypts it."
# custom:
#   id: IACPAC_AWS_SAGEMAKER_012
#   severity: low
#   resource_types: [aws_sagemaker_data_quality_job_definition]
#   checkov: [CKV_AWS_369]
#   remediation: "Add network_config { enable_inter_container_traffic_encryption = true }."
package iacpac.aws.sagemaker.data_quality_traffic_encryption

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some resource_type in ["aws_sagemaker_data_quality_job_definition"]
	some rc in tf.resources(resource_type)
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("SageMaker data quality job %s does not encrypt traffic between instances", [rc.address]),
	}
}

ok(rc) if tf.block(tf.after(rc), "network_config").enable_inter_container_traffic_encryption == true

ok(rc) if {
	tf.block_configured(rc, "network_config", "enable_inter_container_traffic_encryption")
	tf.block(tf.unknown(rc), "network_config").enable_inter_container_traffic_encryption == true
}
