# METADATA
# title: "OPTIONS methods without authorization sit behind a restrictive API policy"
# description: "A method with `authorization = \"NONE\"` and no API key is callable by anyone unless the REST API is private or its resource policy limits who can invoke it. This applies to OPTIONS methods (methods of other verbs are covered by the general authorization policy): such a method fails when its API is not PRIVATE-only and the API's policy (inline or an `aws_api_gateway_rest_api_policy`) allows execute-api:Invoke to principal \"*\" without a condition and has no statement denying it to \"*\"."
# custom:
#   id: IACPAC_AWS_APIGATEWAY_017
#   severity: medium
#   resource_types: [aws_api_gateway_method]
#   checkov: [CKV2_AWS_70]
#   remediation: "Add authorization or api_key_required to the method, make the API PRIVATE, or restrict the API policy with a condition (e.g. aws:SourceVpce)."
package iacpac.aws.apigateway.method_options_policy

import rego.v1

import data.iacpac.lib.terraform as tf

invoke_actions := {"execute-api:Invoke", "execute-api:*", "*"}

deny contains finding if {
	some method in tf.resources("aws_api_gateway_method")
	settings := tf.after(method)
	settings.http_method == "OPTIONS"
	settings.authorization == "NONE"
	not settings.api_key_required == true
	some api in tf.connected_resources(method, "aws_api_gateway_rest_api")
	not private_only(api)
	some statements in api_policy_statements(api)
	open_to_anyone(statements)
	finding := {
		"address": method.address,
		"message": sprintf("API Gateway method %s can be invoked by anyone", [method.address]),
	}
}

private_only(api) if tf.block(tf.after(api), "endpoint_configuration").types == ["PRIVATE"]

# The statements of the API's resource policy: inline, or from a connected aws_api_gateway_rest_api_policy.
api_policy_statements(api) := [statements(tf.after(api).policy)] if {
	not tf.empty(object.get(tf.after(api), "policy", null))
} else := [statements(tf.after(policy).policy) |
	some policy in tf.connected_resources(api, "aws_api_gateway_rest_api_policy")
]

statements(text) := tf.as_list(object.get(json.unmarshal(text), "Statement", [])) if {
	is_string(text)
	json.is_valid(text)
} else := []

open_to_anyone(statements) if {
	some statement in statements
	statement.Effect == "Allow"
	statement.Principal == "*"
	not statement.Condition
	invokes(statement)
	not denies_anyone(statements)
}

denies_anyone(statements) if {
	some statement in statements
	statement.Effect == "Deny"
	statement.Principal == "*"
	invokes(statement)
}

invokes(statement) if {
	some action in tf.as_list(statement.Action)
	action in invoke_actions
}
