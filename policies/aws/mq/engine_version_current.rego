# METADATA
# title: "Amazon MQ broker runs a current engine version"
# description: "Old broker engine versions lose security patches. A broker or configuration whose `engine_version` (major.minor.patch) is older than ActiveMQ 5.17 or RabbitMQ 3.11 fails; versions that cannot be read at plan time are not judged."
# custom:
#   id: IACPAC_AWS_MQ_006
#   severity: low
#   resource_types: [aws_mq_broker, aws_mq_configuration]
#   checkov: [CKV_AWS_208]
#   remediation: "Set engine_version to ActiveMQ 5.17+ or RabbitMQ 3.11+ (and turn on auto_minor_version_upgrade)."
package iacpac.aws.mq.engine_version_current

import rego.v1

import data.iacpac.lib.terraform as tf

minimum := {"ActiveMQ": [5, 17], "RabbitMQ": [3, 11]}

deny contains finding if {
	some resource_type in ["aws_mq_broker", "aws_mq_configuration"]
	some rc in tf.resources(resource_type)
	settings := tf.after(rc)
	is_string(settings.engine_version)
	regex.match(`\d+\.\d+.\d+`, settings.engine_version)
	not current(settings)
	finding := {
		"address": rc.address,
		"message": sprintf("%s runs an outdated %s version (%s)", [rc.address, settings.engine_type, settings.engine_version]),
	}
}

current(settings) if {
	parts := regex.find_all_string_submatch_n(`(\d+)\.(\d+)`, settings.engine_version, 1)[0]
	version := [to_number(parts[1]), to_number(parts[2])]
	version >= minimum[settings.engine_type]
}
