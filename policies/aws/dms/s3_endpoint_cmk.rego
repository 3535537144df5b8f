# METADATA
# title: "DMS S3 endpoint is encrypted with a customer managed key"
# description: "The S3 endpoint resource stores its settings encrypted; with a customer managed key (`kms_key_arn`) access to them is governed by the key policy."
# custom:
#   id: IACPAC_AWS_DMS_006
#   severity: high
#   resource_types: [aws_dms_s3_endpoint]
#   checkov: [CKV_AWS_298]
#   remediation: "Set kms_key_arn on the aws_dms_s3_endpoint to a customer managed aws_kms_key."
package iacpac.aws.dms.s3_endpoint_cmk

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some resource_type in ["aws_dms_s3_endpoint"]
	some rc in tf.resources(resource_type)
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("DMS S3 endpoint %s is not encrypted with a customer managed key", [rc.address]),
	}
}

ok(rc) if tf.set(rc, "kms_key_arn")
