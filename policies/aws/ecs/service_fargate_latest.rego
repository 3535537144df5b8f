# METADATA
# title: "ECS Fargate service runs the latest platform version"
# description: "Fargate platform versions receive security fixes; pinning an older one keeps tasks on an unpatched runtime. A FARGATE service fails when it sets `platform_version` to anything but LATEST."
# custom:
#   id: IACPAC_AWS_ECS_005
#   severity: medium
#   resource_types: [aws_ecs_service]
#   checkov: [CKV_AWS_332]
#   remediation: "Remove platform_version (or set it to \"LATEST\") on the Fargate aws_ecs_service."
package iacpac.aws.ecs.service_fargate_latest

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_ecs_service")
	tf.after(rc).launch_type == "FARGATE"
	tf.configured(rc, "platform_version")
	version := tf.after(rc).platform_version
	is_string(version)
	version != "LATEST"
	finding := {
		"address": rc.address,
		"message": sprintf("ECS Fargate service %s is pinned to platform version %s", [rc.address, version]),
	}
}
