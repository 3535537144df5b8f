# METADATA
# title: "SageMaker notebook runs in a custom VPC"
# description: "Notebooks launched into your own subnet are subject to its security groups and have no direct internet path unless you add one."
# custom:
#   id: IACPAC_AWS_SAGEMAKER_003
#   severity: info
#   resource_types: [aws_sagemaker_notebook_instance]
#   checkov: [CKV_AWS_306]
#   remediation: "Set subnet_id (and security_groups) on the aws_sagemaker_notebook_instance."
package iacpac.aws.sagemaker.notebook_in_vpc

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_sagemaker_notebook_instance")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("SageMaker notebook %s is not launched into a custom VPC", [rc.address]),
	}
}

ok(rc) if tf.set(rc, "subnet_id")
