# METADATA
# title: "Connect instance video stream storage uses a customer managed key"
# description: "Media streams of contact-centre calls are stored in Kinesis Video Streams; the storage config should encrypt them with a customer managed key (`kinesis_video_stream_config.encryption_config.key_id`). Storage configs without that key, including ones of other storage types, fail."
# custom:
#   id: IACPAC_AWS_CONNECT_001
#   severity: medium
#   resource_types: [aws_connect_instance_storage_config]
#   checkov: [CKV_AWS_269]
#   remediation: "Set storage_config { kinesis_video_stream_config { encryption_config { encryption_type = \"KMS\", key_id = ... } } }."
package iacpac.aws.connect.storage_video_cmk

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_connect_instance_storage_config")
	not keyed(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Connect storage config %s does not encrypt video streams with a customer managed key", [rc.address]),
	}
}

keyed(rc) if {
	some i, config in tf.blocks(tf.after(rc), "storage_config")
	some j, stream in tf.blocks(config, "kinesis_video_stream_config")
	some k, _ in tf.blocks(stream, "encryption_config")
	tf.set_at(rc, ["storage_config", i, "kinesis_video_stream_config", j, "encryption_config", k, "key_id"])
}

keyed(rc) if tf.unknown(rc).storage_config == true
