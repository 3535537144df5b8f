# METADATA
# title: "Instance metadata service requires IMDSv2 tokens"
# description: "IMDSv1 answers unauthenticated GET requests, so an SSRF bug in the workload can steal the instance role credentials. Instances, launch templates and launch configurations pass when their `metadata_options` set `http_tokens = \"required\"` or turn the endpoint off with `http_endpoint = \"disabled\"`; leaving the block out keeps IMDSv1 enabled."
# custom:
#   id: IACPAC_AWS_EC2_007
#   severity: high
#   resource_types: [aws_instance, aws_launch_configuration, aws_launch_template]
#   checkov: [CKV_AWS_79]
#   remediation: "Add metadata_options { http_tokens = \"required\" } (and http_endpoint = \"enabled\")."
#   fix:
#     resource_types: [aws_instance, aws_launch_configuration, aws_launch_template]
#     set:
#       metadata_options.http_tokens: required
package iacpac.aws.ec2.imdsv1_disabled

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some resource_type in {"aws_instance", "aws_launch_template", "aws_launch_configuration"}
	some rc in tf.resources(resource_type)
	not imdsv2_only(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("%s allows IMDSv1 (metadata_options.http_tokens is not \"required\")", [rc.address]),
	}
}

imdsv2_only(rc) if {
	tf.block_configured(rc, "metadata_options", "http_tokens")
	options := tf.block(tf.after(rc), "metadata_options")
	options.http_tokens == "required"
}

imdsv2_only(rc) if {
	tf.configured(rc, "metadata_options")
	options := tf.block(tf.after(rc), "metadata_options")
	options.http_endpoint == "disabled"
}

imdsv2_only(rc) if {
	tf.block_configured(rc, "metadata_options", "http_tokens")
	some options in tf.blocks(tf.unknown(rc), "metadata_options")
	options.http_tokens == true
}
