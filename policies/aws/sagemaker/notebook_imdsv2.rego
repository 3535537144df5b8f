# METADATA
# title: "SageMaker notebook allows only IMDSv2"
# description: "IMDSv1 answers unauthenticated requests, letting SSRF bugs steal the notebook role credentials."
# custom:
#   id: IACPAC_AWS_SAGEMAKER_005
#   severity: medium
#   resource_types: [aws_sagemaker_notebook_instance]
#   checkov: [CKV_AWS_371]
#   remediation: "Add instance_metadata_service_configuration { minimum_instance_metadata_service_version = \"2\" }."
package iacpac.aws.sagemaker.notebook_imdsv2

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_sagemaker_notebook_instance")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("SageMaker notebook %s still allows IMDSv1", [rc.address]),
	}
}

ok(rc) if {
	tf.block_configured(rc, "instance_metadata_service_configuration", "minimum_instance_metadata_service_version")
	tf.block(tf.after(rc), "instance_metadata_service_configuration").minimum_instance_metadata_service_version == "2"
}
