# METADATA
# title: "ACM certificate does not use a wildcard domain"
# description: "A wildcard certificate is valid for every subdomain, so one compromised host can impersonate them all. Neither the domain name nor any subject alternative name may contain \"*\"."
# custom:
#   id: IACPAC_AWS_ACM_001
#   severity: low
#   resource_types: [aws_acm_certificate]
#   checkov: [CKV2_AWS_71]
#   remediation: "Request certificates for the specific names the service uses."
package iacpac.aws.acm.certificate_no_wildcard

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_acm_certificate")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("ACM certificate %s covers a wildcard domain", [rc.address]),
	}
}

ok(rc) if {
	not contains(object.get(tf.after(rc), "domain_name", ""), "*")
	every name in object.get(tf.after(rc), "subject_alternative_names", []) {
		not contains(name, "*")
	}
}
