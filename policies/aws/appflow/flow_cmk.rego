# METADATA
# title: "AppFlow flow is encrypted with a customer managed key"
# description: "A flow stages the records it moves between SaaS applications and AWS; with a customer managed key (`kms_arn`) access to that data is governed by the key policy."
# custom:
#   id: IACPAC_AWS_APPFLOW_001
#   severity: low
#   resource_types: [aws_appflow_flow]
#   checkov: [CKV_AWS_263]
#   remediation: "Set kms_arn on the aws_appflow_flow to a customer managed aws_kms_key."
package iacpac.aws.appflow.flow_cmk

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some resource_type in ["aws_appflow_flow"]
	some rc in tf.resources(resource_type)
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("AppFlow flow %s is not encrypted with a customer managed key", [rc.address]),
	}
}

ok(rc) if tf.set(rc, "kms_arn")
