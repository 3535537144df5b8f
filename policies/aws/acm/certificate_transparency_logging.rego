# METADATA
# title: "ACM certificate is logged to certificate transparency"
# description: "Certificate transparency logs let domain owners and browsers detect certificates issued for their names; opting out hides mis-issued or rogue certificates. A certificate passes unless its `options` block sets `certificate_transparency_logging_preference` to something other than ENABLED (ENABLED is the default)."
# custom:
#   id: IACPAC_AWS_ACM_003
#   severity: low
#   resource_types: [aws_acm_certificate]
#   checkov: [CKV_AWS_234]
#   remediation: "Remove certificate_transparency_logging_preference = \"DISABLED\" (or set it to \"ENABLED\")."
package iacpac.aws.acm.certificate_transparency_logging

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_acm_certificate")
	tf.block_configured(rc, "options", "certificate_transparency_logging_preference")
	preference := tf.block(tf.after(rc), "options").certificate_transparency_logging_preference
	is_string(preference)
	preference != "ENABLED"
	finding := {
		"address": rc.address,
		"message": sprintf("ACM certificate %s opts out of certificate transparency logging", [rc.address]),
	}
}
