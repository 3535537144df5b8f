# METADATA
# title: "ECR repository has immutable image tags"
# description: "Mutable tags let anyone with push rights replace an image that deployments already trust."
# custom:
#   id: IACPAC_AWS_ECR_001
#   severity: low
#   resource_types: [aws_ecr_repository]
#   checkov: [CKV_AWS_51]
#   remediation: "Set image_tag_mutability = \"IMMUTABLE\"."
package iacpac.aws.ecr.repository_immutable_tags

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_ecr_repository")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("ECR repository %s allows image tags to be overwritten", [rc.address]),
	}
}

ok(rc) if tf.configured_value(rc, "image_tag_mutability", "IMMUTABLE")
