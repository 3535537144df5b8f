# METADATA
# title: "ECS cluster has Container Insights"
# description: "Container Insights collects task-level metrics and logs that help detect misbehaving workloads."
# custom:
#   id: IACPAC_AWS_ECS_001
#   severity: low
#   resource_types: [aws_ecs_cluster]
#   checkov: [CKV_AWS_65]
#   remediation: "Add setting { name = \"containerInsights\", value = \"enabled\" }."
package iacpac.aws.ecs.cluster_container_insights

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_ecs_cluster")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("ECS cluster %s does not enable Container Insights", [rc.address]),
	}
}

ok(rc) if {
	some setting in tf.blocks(tf.after(rc), "setting")
	setting.name == "containerInsights"
	setting.value in {"enabled", "enhanced"}
}
