# METADATA
# title: "ACM certificate is replaced with create_before_destroy"
# description: "Replacing a certificate deletes the old one first by default, so every listener or distribution that uses it loses its certificate until the new one is issued and attached. `lifecycle { create_before_destroy = true }` creates the replacement first. The lifecycle block is read from the configuration (the scanner's `iacpac.lifecycle` input); plan JSON files from Terraform do not carry it, so the policy reports nothing on them."
# custom:
#   id: IACPAC_AWS_ACM_002
#   severity: low
#   resource_types: [aws_acm_certificate]
#   checkov: [CKV_AWS_233]
#   remediation: "Add lifecycle { create_before_destroy = true } to the aws_acm_certificate."
package iacpac.aws.acm.certificate_create_before_destroy

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_acm_certificate")
	lifecycle := tf.lifecycle(rc)
	not create_before_destroy(lifecycle)
	finding := {
		"address": rc.address,
		"message": sprintf("%s is not replaced with create_before_destroy", [rc.address]),
	}
}

create_before_destroy(lifecycle) if lifecycle.create_before_destroy.constant_value == true

# Written with a value known only from variables: not judged.
create_before_destroy(lifecycle) if object.get(lifecycle.create_before_destroy, "constant_value", null) == null
