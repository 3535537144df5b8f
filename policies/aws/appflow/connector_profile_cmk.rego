# METADATA
# title: "AppFlow connector profile is encrypted with a customer managed key"
# description: "A connector profile stores the credentials AppFlow uses to reach an application; with a customer managed key (`kms_arn`) access to them is governed by the key policy."
# custom:
#   id: IACPAC_AWS_APPFLOW_002
#   severity: low
#   resource_types: [aws_appflow_connector_profile]
#   checkov: [CKV_AWS_264]
#   remediation: "Set kms_arn on the aws_appflow_connector_profile to a customer managed aws_kms_key."
package iacpac.aws.appflow.connector_profile_cmk

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some resource_type in ["aws_appflow_connector_profile"]
	some rc in tf.resources(resource_type)
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("AppFlow connector profile %s is not encrypted with a customer managed key", [rc.address]),
	}
}

ok(rc) if tf.set(rc, "kms_arn")
