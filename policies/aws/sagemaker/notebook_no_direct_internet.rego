# METADATA
# title: "SageMaker notebook has no direct internet access"
# description: "With `direct_internet_access = \"Enabled\"` the notebook bypasses VPC egress controls."
# custom:
#   id: IACPAC_AWS_SAGEMAKER_008
#   severity: low
#   resource_types: [aws_sagemaker_notebook_instance]
#   checkov: [CKV_AWS_122]
#   remediation: "Set direct_internet_access = \"Disabled\" and launch it in a subnet."
package iacpac.aws.sagemaker.notebook_no_direct_internet

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_sagemaker_notebook_instance")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("SageMaker notebook %s has direct internet access", [rc.address]),
	}
}

ok(rc) if not tf.configured(rc, "direct_internet_access")

ok(rc) if not tf.after(rc).direct_internet_access == "Enabled"
