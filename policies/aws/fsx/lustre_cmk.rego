# METADATA
# title: "FSx for Lustre file system uses a customer managed key"
# description: "With a customer managed key (`kms_key_id`) access to the file system's data at rest is governed by the key policy and audited."
# custom:
#   id: IACPAC_AWS_FSX_001
#   severity: low
#   resource_types: [aws_fsx_lustre_file_system]
#   checkov: [CKV_AWS_190]
#   remediation: "Set kms_key_id on the aws_fsx_lustre_file_system (persistent deployment types)."
package iacpac.aws.fsx.lustre_cmk

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some resource_type in ["aws_fsx_lustre_file_system"]
	some rc in tf.resources(resource_type)
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("FSx for Lustre file system %s is not encrypted with a customer managed key", [rc.address]),
	}
}

ok(rc) if tf.set(rc, "kms_key_id")
