# METADATA
# title: "ECR repository scans images on push"
# description: "Scanning on push reports known vulnerabilities in every new image."
# custom:
#   id: IACPAC_AWS_ECR_002
#   severity: high
#   resource_types: [aws_ecr_repository]
#   checkov: [CKV_AWS_163]
#   remediation: "Add image_scanning_configuration { scan_on_push = true }."
package iacpac.aws.ecr.repository_scan_on_push

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_ecr_repository")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("ECR repository %s does not scan images on push", [rc.address]),
	}
}

ok(rc) if tf.block(tf.after(rc), "image_scanning_configuration").scan_on_push == true
