# METADATA
# title: "CodeArtifact domain is encrypted with a customer managed key"
# description: "A CodeArtifact domain stores every package of its repositories; with a customer managed key (`encryption_key`) access to them is governed by the key policy."
# custom:
#   id: IACPAC_AWS_CODEARTIFACT_001
#   severity: low
#   resource_types: [aws_codeartifact_domain]
#   checkov: [CKV_AWS_221]
#   remediation: "Set encryption_key on the aws_codeartifact_domain to a customer managed aws_kms_key."
package iacpac.aws.codeartifact.domain_cmk

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some resource_type in ["aws_codeartifact_domain"]
	some rc in tf.resources(resource_type)
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("CodeArtifact domain %s is not encrypted with a customer managed key", [rc.address]),
	}
}

ok(rc) if tf.set(rc, "encryption_key")
