# METADATA
# title: "AWS provider does not hard-code access keys"
# description: "Access keys written into the provider block end up in version control and in every copy of the code. Credentials should come from the environment, a shared profile, SSO or an assumed role. The provider configurations in the plan's `configuration.provider_config` are checked for literal `access_key` / `secret_key` values."
# custom:
#   id: IACPAC_AWS_IAM_023
#   severity: high
#   resource_types: [aws]
#   checkov: [CKV_AWS_41]
#   remediation: "Remove access_key and secret_key from the provider block; use AWS_PROFILE, environment variables, SSO or assume_role."
package iacpac.aws.iam.provider_no_hardcoded_keys

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some provider in input.configuration.provider_config
	provider.name == "aws"
	attributes := [attribute |
		some attribute in ["access_key", "secret_key"]
		value := provider.expressions[attribute].constant_value
		is_string(value)
		value != ""
	]
	count(attributes) > 0
	finding := {
		"address": address(provider),
		"message": sprintf("%s hard-codes %s", [address(provider), concat(" and ", attributes)]),
	}
}

address(provider) := sprintf("provider.%s.%s", [provider.name, provider.alias]) if provider.alias

address(provider) := sprintf("provider.%s", [provider.name]) if not provider.alias
