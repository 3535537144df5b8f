# METADATA
# title: "CloudFront response headers policy enforces strict transport security"
# description: "HSTS tells browsers to use HTTPS only for the site, which defeats SSL-stripping. A response headers policy passes when its `security_headers_config.strict_transport_security` sets `access_control_max_age_sec` to at least one year (31536000) with `include_subdomains`, `preload` and `override` all true."
# custom:
#   id: IACPAC_AWS_CLOUDFRONT_015
#   severity: low
#   resource_types: [aws_cloudfront_response_headers_policy]
#   checkov: [CKV_AWS_259]
#   remediation: "Add security_headers_config { strict_transport_security { access_control_max_age_sec = 31536000, include_subdomains = true, preload = true, override = true } }."
package iacpac.aws.cloudfront.response_headers_hsts

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_cloudfront_response_headers_policy")
	not enforced(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Response headers policy %s does not enforce HSTS for a year with subdomains and preload", [rc.address]),
	}
}

enforced(rc) if {
	some config in tf.blocks(tf.after(rc), "security_headers_config")
	some hsts in tf.blocks(config, "strict_transport_security")
	to_number(hsts.access_control_max_age_sec) >= 31536000
	hsts.include_subdomains == true
	hsts.preload == true
	hsts.override == true
}

enforced(rc) if tf.unknown(rc).security_headers_config == true
