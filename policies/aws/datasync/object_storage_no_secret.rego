# METADATA
# title: "DataSync object storage location does not embed a secret key"
# description: "A `secret_key` written in the configuration ends up in version control and in the Terraform state in clear text. Object storage locations that set `secret_key` fail."
# custom:
#   id: IACPAC_AWS_DATASYNC_001
#   severity: high
#   resource_types: [aws_datasync_location_object_storage]
#   checkov: [CKV_AWS_295]
#   remediation: "Remove secret_key from the configuration; pass it from a secrets store (e.g. a sensitive variable fed from Secrets Manager) or use an agent with other credentials."
package iacpac.aws.datasync.object_storage_no_secret

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_datasync_location_object_storage")
	tf.configured(rc, "secret_key")
	finding := {
		"address": rc.address,
		"message": sprintf("DataSync location %s embeds a secret key", [rc.address]),
	}
}
