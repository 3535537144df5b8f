# METADATA
# title: "Session Manager preferences log sessions encrypted"
# description: "Session logs are the record of what was typed on instances. A Session document passes when its `inputs` send logs to S3 with `s3EncryptionEnabled`, or to CloudWatch with `cloudWatchEncryptionEnabled`; documents of other types, and Session documents without inputs, are not judged."
# custom:
#   id: IACPAC_AWS_SSM_003
#   severity: medium
#   resource_types: [aws_ssm_document]
#   checkov: [CKV_AWS_113]
#   remediation: "Set inputs { s3BucketName = ..., s3EncryptionEnabled = true } (or cloudWatchLogGroupName with cloudWatchEncryptionEnabled = true)."
package iacpac.aws.ssm.session_document_logging

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_ssm_document")
	inputs := session_inputs(rc)
	count(inputs) > 0
	not logged(inputs)
	finding := {
		"address": rc.address,
		"message": sprintf("Session Manager document %s does not log sessions with encryption", [rc.address]),
	}
}

logged(inputs) if {
	not tf.empty(object.get(inputs, "s3BucketName", null))
	truthy(object.get(inputs, "s3EncryptionEnabled", false))
}

logged(inputs) if {
	not tf.empty(object.get(inputs, "cloudWatchLogGroupName", null))
	truthy(object.get(inputs, "cloudWatchEncryptionEnabled", false))
}

truthy(value) if value == true

truthy(value) if value == "true"

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
