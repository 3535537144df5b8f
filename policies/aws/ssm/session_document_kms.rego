# METADATA
# title: "Session Manager preferences encrypt session data with KMS"
# description: "Session Manager can encrypt the data of interactive sessions with a KMS key on top of TLS. A Session document whose `inputs` do not set `kmsKeyId` fails; documents of other types, and Session documents without inputs, are not judged."
# custom:
#   id: IACPAC_AWS_SSM_002
#   severity: medium
#   resource_types: [aws_ssm_document]
#   checkov: [CKV_AWS_112]
#   remediation: "Set inputs.kmsKeyId in the Session Manager preferences document."
package iacpac.aws.ssm.session_document_kms

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_ssm_document")
	inputs := session_inputs(rc)
	count(inputs) > 0
	tf.empty(object.get(inputs, "kmsKeyId", null))
	finding := {
		"address": rc.address,
		"message": sprintf("Session Manager document %s does not encrypt session data with KMS", [rc.address]),
	}
}

# The `inputs` of a Session Manager preferences document ({} when it has none or cannot be read).
session_inputs(rc) := object.get(doc, "inputs", {}) if {
	tf.after(rc).document_type == "Session"
	doc := content(tf.after(rc))
	is_object(doc)
} else := {}

content(document) := json.unmarshal(document.content) if {
	object.get(document, "document_format", "JSON") == "JSON"
	json.is_valid(document.content)
} else := yaml.unmarshal(document.content) if {
	document.document_format == "YAML"
	yaml.is_valid(document.content)
}
