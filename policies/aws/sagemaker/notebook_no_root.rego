# METADATA
# title: "SageMaker notebook users have no root access"
# description: "Root access lets notebook users change the instance, install anything and read other users' data; the default is Enabled."
# custom:
#   id: IACPAC_AWS_SAGEMAKER_004
#   severity: info
#   resource_types: [aws_sagemaker_notebook_instance]
#   checkov: [CKV_AWS_307]
#   remediation: "Set root_access = \"Disabled\"."
package iacpac.aws.sagemaker.notebook_no_root

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_sagemaker_notebook_instance")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("SageMaker notebook %s gives users root access", [rc.address]),
	}
}

ok(rc) if tf.configured_value(rc, "root_access", "Disabled")
