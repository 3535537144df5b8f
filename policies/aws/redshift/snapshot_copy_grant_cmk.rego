# METADATA
# title: "Redshift snapshot copy grant uses a customer managed key"
# description: "Snapshots copied to another region are encrypted there with the key of the snapshot copy grant; without `kms_key_id` the grant uses the AWS managed key. Grants without a key id fail."
# custom:
#   id: IACPAC_AWS_REDSHIFT_011
#   severity: high
#   resource_types: [aws_redshift_snapshot_copy_grant]
#   checkov: [CKV_AWS_281]
#   remediation: "Set kms_key_id on the aws_redshift_snapshot_copy_grant to a customer managed key ARN."
package iacpac.aws.redshift.snapshot_copy_grant_cmk

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_redshift_snapshot_copy_grant")
	not tf.set(rc, "kms_key_id")
	finding := {
		"address": rc.address,
		"message": sprintf("Snapshot copy grant %s does not use a customer managed KMS key", [rc.address]),
	}
}
