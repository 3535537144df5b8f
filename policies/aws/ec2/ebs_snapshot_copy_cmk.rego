# METADATA
# title: "EBS snapshot copy uses a customer managed key"
# description: "A snapshot copy is another full copy of the volume's data; with a customer managed key (`kms_key_id`) access to it is governed by the key policy."
# custom:
#   id: IACPAC_AWS_EC2_026
#   severity: low
#   resource_types: [aws_ebs_snapshot_copy]
#   checkov: [CKV_AWS_183]
#   remediation: "Set encrypted = true and kms_key_id on the aws_ebs_snapshot_copy."
package iacpac.aws.ec2.ebs_snapshot_copy_cmk

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some resource_type in ["aws_ebs_snapshot_copy"]
	some rc in tf.resources(resource_type)
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("EBS snapshot copy %s is not encrypted with a customer managed key", [rc.address]),
	}
}

ok(rc) if tf.set(rc, "kms_key_id")
