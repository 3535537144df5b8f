# METADATA
# title: "SES configuration set requires TLS"
# description: "Without `tls_policy = \"Require\"` SES delivers mail in clear text when the receiving server does not offer TLS. A configuration set passes when its `delivery_options.tls_policy` is Require."
# custom:
#   id: IACPAC_AWS_SES_001
#   severity: medium
#   resource_types: [aws_ses_configuration_set]
#   checkov: [CKV_AWS_365]
#   remediation: "Add delivery_options { tls_policy = \"Require\" } to the aws_ses_configuration_set."
package iacpac.aws.ses.configuration_set_tls

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_ses_configuration_set")
	not tf.block(tf.after(rc), "delivery_options").tls_policy == "Require"
	not tf.block(tf.unknown(rc), "delivery_options").tls_policy == true
	finding := {
		"address": rc.address,
		"message": sprintf("SES configuration set %s does not require TLS", [rc.address]),
	}
}
