# METADATA
# title: "Athena workgroup encrypts query results"
# description: "A workgroup's result configuration decides how query results are stored in S3. The workgroup passes when `configuration.result_configuration.encryption_configuration` sets an `encryption_option`."
# custom:
#   id: IACPAC_AWS_ATHENA_002
#   severity: medium
#   resource_types: [aws_athena_workgroup]
#   checkov: [CKV_AWS_159]
#   remediation: "Add configuration { result_configuration { encryption_configuration { encryption_option = \"SSE_KMS\", kms_key_arn = ... } } }."
package iacpac.aws.athena.workgroup_encrypted

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_athena_workgroup")
	not encrypted(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Athena workgroup %s does not encrypt query results", [rc.address]),
	}
}

encrypted(rc) if {
	some configuration in tf.blocks(tf.after(rc), "configuration")
	some result in tf.blocks(configuration, "result_configuration")
	some encryption in tf.blocks(result, "encryption_configuration")
	not tf.empty(object.get(encryption, "encryption_option", null))
}

encrypted(rc) if tf.unknown(rc).configuration == true
