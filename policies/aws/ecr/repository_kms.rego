# METADATA
# title: "ECR repository is encrypted with KMS"
# description: "Images are encrypted with AES256 unless the repository uses KMS, which adds key-policy control."
# custom:
#   id: IACPAC_AWS_ECR_003
#   severity: low
#   resource_types: [aws_ecr_repository]
#   checkov: [CKV_AWS_136]
#   remediation: "Add encryption_configuration { encryption_type = \"KMS\" }."
package iacpac.aws.ecr.repository_kms

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_ecr_repository")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("ECR repository %s is not encrypted with KMS", [rc.address]),
	}
}

ok(rc) if tf.block(tf.after(rc), "encryption_configuration").encryption_type == "KMS"
