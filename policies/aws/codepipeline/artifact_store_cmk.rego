# METADATA
# title: "CodePipeline artifact store is encrypted with a customer managed key"
# description: "Pipeline artifacts carry source code and build outputs between stages; with a customer managed key access to them is governed by the key policy. The pipeline passes when its `artifact_store.encryption_key` names a key `id`."
# custom:
#   id: IACPAC_AWS_CODEPIPELINE_001
#   severity: low
#   resource_types: [aws_codepipeline]
#   checkov: [CKV_AWS_219]
#   remediation: "Add encryption_key { id = aws_kms_key.<name>.arn, type = \"KMS\" } to the artifact_store."
package iacpac.aws.codepipeline.artifact_store_cmk

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_codepipeline")
	not encrypted(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("CodePipeline %s does not encrypt its artifacts with a customer managed key", [rc.address]),
	}
}

encrypted(rc) if {
	some store in tf.blocks(tf.after(rc), "artifact_store")
	some key in tf.blocks(store, "encryption_key")
	not tf.empty(object.get(key, "id", null))
}

encrypted(rc) if {
	some store in tf.as_list(tf.expressions(rc).artifact_store)
	some key in tf.as_list(store.encryption_key)
	key.id.references
}
