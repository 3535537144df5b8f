# METADATA
# title: "Cognito identity pool does not allow guest access"
# description: "Unauthenticated identities hand AWS credentials to anyone who asks."
# custom:
#   id: IACPAC_AWS_COGNITO_001
#   severity: medium
#   resource_types: [aws_cognito_identity_pool]
#   checkov: [CKV_AWS_366]
#   remediation: "Set allow_unauthenticated_identities = false."
package iacpac.aws.cognito.identity_pool_no_guests

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_cognito_identity_pool")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Cognito identity pool %s allows unauthenticated identities", [rc.address]),
	}
}

ok(rc) if not tf.configured(rc, "allow_unauthenticated_identities")

ok(rc) if not tf.after(rc).allow_unauthenticated_identities == true
