# METADATA
# title: "EMR security configuration encrypts EBS volumes"
# description: "Without EBS encryption in the local disk settings, the EBS volumes of cluster nodes (including root volumes) hold data unencrypted. The security configuration passes when at-rest encryption is enabled and `LocalDiskEncryptionConfiguration.EnableEbsEncryption` is true."
# custom:
#   id: IACPAC_AWS_EMR_007
#   severity: high
#   resource_types: [aws_emr_security_configuration]
#   checkov: [CKV_AWS_350]
#   remediation: "Set EnableEbsEncryption = true in AtRestEncryptionConfiguration.LocalDiskEncryptionConfiguration."
package iacpac.aws.emr.security_configuration_ebs

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_emr_security_configuration")
	encryption := encryption_configuration(rc)
	not ebs_encrypted(encryption)
	finding := {
		"address": rc.address,
		"message": sprintf("EMR security configuration %s does not encrypt EBS volumes", [rc.address]),
	}
}

encryption_configuration(rc) := object.get(json.unmarshal(text), "EncryptionConfiguration", {}) if {
	text := tf.after(rc).configuration
	is_string(text)
	json.is_valid(text)
}

ebs_encrypted(encryption) if {
	encryption.EnableAtRestEncryption == true
	encryption.AtRestEncryptionConfiguration.LocalDiskEncryptionConfiguration.EnableEbsEncryption == true
}
