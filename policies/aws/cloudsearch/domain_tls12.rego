# METADATA
# title: "CloudSearch domain requires TLS 1.2"
# description: "The domain's endpoint options decide which TLS versions its search and document endpoints accept. A domain passes when `endpoint_options.tls_security_policy` is Policy-Min-TLS-1-2-2019-07; the default allows TLS 1.0."
# custom:
#   id: IACPAC_AWS_CLOUDSEARCH_001
#   severity: low
#   resource_types: [aws_cloudsearch_domain]
#   checkov: [CKV_AWS_218]
#   remediation: "Set endpoint_options { enforce_https = true, tls_security_policy = \"Policy-Min-TLS-1-2-2019-07\" }."
package iacpac.aws.cloudsearch.domain_tls12

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_cloudsearch_domain")
	not tls12(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("CloudSearch domain %s accepts TLS versions older than 1.2", [rc.address]),
	}
}

tls12(rc) if {
	tf.block_configured(rc, "endpoint_options", "tls_security_policy")
	tf.block(tf.after(rc), "endpoint_options").tls_security_policy == "Policy-Min-TLS-1-2-2019-07"
}

tls12(rc) if {
	tf.block_configured(rc, "endpoint_options", "tls_security_policy")
	tf.block(tf.unknown(rc), "endpoint_options").tls_security_policy == true
}
