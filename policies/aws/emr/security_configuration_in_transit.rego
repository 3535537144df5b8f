# METADATA
# title: "EMR security configuration encrypts data in transit"
# description: "Shuffle data, HDFS block transfers and application traffic between nodes travel unencrypted unless in-transit encryption is on. The security configuration passes when `EncryptionConfiguration.EnableInTransitEncryption` is true."
# custom:
#   id: IACPAC_AWS_EMR_008
#   severity: low
#   resource_types: [aws_emr_security_configuration]
#   checkov: [CKV_AWS_351]
#   remediation: "Set EnableInTransitEncryption = true with a TLS certificate configuration."
package iacpac.aws.emr.security_configuration_in_transit

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_emr_security_configuration")
	text := tf.after(rc).configuration
	is_string(text)
	json.is_valid(text)
	not json.unmarshal(text).EncryptionConfiguration.EnableInTransitEncryption == true
	finding := {
		"address": rc.address,
		"message": sprintf("EMR security configuration %s does not encrypt data in transit", [rc.address]),
	}
}
