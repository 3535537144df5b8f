# METADATA
# title: "Connect instance S3 storage uses a customer managed key"
# description: "Call recordings, transcripts and reports land in S3; the storage config should encrypt them with a customer managed key (`s3_config.encryption_config.key_id`). Storage configs without that key, including ones of other storage types, fail."
# custom:
#   id: IACPAC_AWS_CONNECT_002
#   severity: high
#   resource_types: [aws_connect_instance_storage_config]
#   checkov: [CKV_AWS_270]
#   remediation: "Set storage_config { s3_config { encryption_config { encryption_type = \"KMS\", key_id = ... } } }."
package iacpac.aws.connect.storage_s3_cmk

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_connect_instance_storage_config")
	not keyed(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Connect storage config %s does not encrypt S3 storage with a customer managed key", [rc.address]),
	}
}

keyed(rc) if {
	some i, config in tf.blocks(tf.after(rc), "storage_config")
	some j, s3 in tf.blocks(config, "s3_config")
	some k, _ in tf.blocks(s3, "encryption_config")
	tf.set_at(rc, ["storage_config", i, "s3_config", j, "encryption_config", k, "key_id"])
}

keyed(rc) if tf.unknown(rc).storage_config == true
