# METADATA
# title: "API Gateway custom domain uses a TLS 1.2+ security policy"
# description: "The security policy of a custom domain decides which TLS versions and ciphers clients may use. The domain passes when `security_policy` names TLS 1.2 or a newer policy (TLS_1_2, the SecurityPolicy_TLS12_* and SecurityPolicy_TLS13_* policies); leaving it out keeps the TLS 1.0 default."
# custom:
#   id: IACPAC_AWS_APIGATEWAY_009
#   severity: low
#   resource_types: [aws_api_gateway_domain_name]
#   checkov: [CKV_AWS_206]
#   remediation: "Set security_policy = \"TLS_1_2\" (or a SecurityPolicy_TLS13_* policy) on the aws_api_gateway_domain_name."
package iacpac.aws.apigateway.domain_name_tls_policy

import rego.v1

import data.iacpac.lib.terraform as tf

modern_policies := {
	"TLS_1_2", "SecurityPolicy_TLS12_2018_EDGE", "SecurityPolicy_TLS12_PFS_2025_EDGE", "SecurityPolicy_TLS13_1_2_2021_06",
	"SecurityPolicy_TLS13_1_2_PFS_PQ_2025_09", "SecurityPolicy_TLS13_1_2_PQ_2025_09", "SecurityPolicy_TLS13_1_3_2025_09",
	"SecurityPolicy_TLS13_1_3_FIPS_2025_09", "SecurityPolicy_TLS13_2025_EDGE",
}

deny contains finding if {
	some rc in tf.resources("aws_api_gateway_domain_name")
	not modern(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("API Gateway domain %s allows TLS versions older than 1.2", [rc.address]),
	}
}

modern(rc) if {
	tf.configured(rc, "security_policy")
	tf.after(rc).security_policy in modern_policies
}

modern(rc) if {
	tf.configured(rc, "security_policy")
	tf.unknown(rc).security_policy == true
}
