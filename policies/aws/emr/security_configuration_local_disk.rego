# METADATA
# title: "EMR security configuration encrypts local disks"
# description: "Cluster nodes spill data to local instance-store and EBS disks. The security configuration passes when at-rest encryption is enabled and it has a `LocalDiskEncryptionConfiguration`."
# custom:
#   id: IACPAC_AWS_EMR_006
#   severity: low
#   resource_types: [aws_emr_security_configuration]
#   checkov: [CKV_AWS_349]
#   remediation: "Set EnableAtRestEncryption = true and AtRestEncryptionConfiguration.LocalDiskEncryptionConfiguration { EncryptionKeyProviderType = \"AwsKms\", AwsKmsKey = ... }."
package iacpac.aws.emr.security_configuration_local_disk

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_emr_security_configuration")
	encryption := encryption_configuration(rc)
	not local_disks_encrypted(encryption)
	finding := {
		"address": rc.address,
		"message": sprintf("EMR security configuration %s does not encrypt local disks", [rc.address]),
	}
}

encryption_configuration(rc) := object.get(json.unmarshal(text), "EncryptionConfiguration", {}) if {
	text := tf.after(rc).configuration
	is_string(text)
	json.is_valid(text)
}

local_disks_encrypted(encryption) if {
	encryption.EnableAtRestEncryption == true
	encryption.AtRestEncryptionConfiguration.LocalDiskEncryptionConfiguration
}
