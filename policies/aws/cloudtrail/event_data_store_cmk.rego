# METADATA
# title: "CloudTrail Lake event data store uses a customer managed key"
# description: "An event data store keeps months or years of API activity; with a customer managed key (`kms_key_id`) access to it is governed by the key policy and audited."
# custom:
#   id: IACPAC_AWS_CLOUDTRAIL_007
#   severity: info
#   resource_types: [aws_cloudtrail_event_data_store]
#   checkov: [CKV_AWS_294]
#   remediation: "Set kms_key_id on the aws_cloudtrail_event_data_store to a customer managed aws_kms_key."
package iacpac.aws.cloudtrail.event_data_store_cmk

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some resource_type in ["aws_cloudtrail_event_data_store"]
	some rc in tf.resources(resource_type)
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("CloudTrail event data store %s is not encrypted with a customer managed key", [rc.address]),
	}
}

ok(rc) if tf.set(rc, "kms_key_id")
