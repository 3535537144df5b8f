# METADATA
# title: "VPC has flow logs"
# description: "Flow logs record the traffic accepted and rejected in a VPC, which incident response and anomaly detection rely on. The VPC passes when an `aws_flow_log` is connected to it (usually through `vpc_id`)."
# custom:
#   id: IACPAC_AWS_VPC_001
#   severity: info
#   resource_types: [aws_vpc, aws_flow_log]
#   checkov: [CKV2_AWS_11]
#   remediation: "Add an aws_flow_log with vpc_id = aws_vpc.<name>.id that delivers to CloudWatch Logs or S3."
package iacpac.aws.vpc.vpc_flow_logs

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some vpc in tf.resources("aws_vpc")
	count(tf.connected_resources(vpc, "aws_flow_log")) == 0
	finding := {
		"address": vpc.address,
		"message": sprintf("VPC %s has no flow log", [vpc.address]),
	}
}
