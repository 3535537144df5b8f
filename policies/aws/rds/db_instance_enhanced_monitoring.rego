# METADATA
# title: "RDS instance has enhanced monitoring"
# description: "Enhanced monitoring collects OS-level metrics at 1 to 60 second intervals; it is on when `monitoring_interval` is one of 1, 5, 10, 15, 30 or 60."
# custom:
#   id: IACPAC_AWS_RDS_007
#   severity: low
#   resource_types: [aws_db_instance, aws_rds_cluster_instance]
#   checkov: [CKV_AWS_118]
#   remediation: "Set monitoring_interval (e.g. 60) and monitoring_role_arn."
#   fix:
#     set:
#       monitoring_interval: 60
#       monitoring_role_arn: {expr: "aws_iam_role.{{name}}_monitoring.arn"}
#     resource:
#       - type: aws_iam_role
#         name: "{{name}}_monitoring"
#         body: |
#           assume_role_policy = jsonencode({
#             Version = "2012-10-17"
#             Statement = [{
#               Effect    = "Allow"
#               Action    = "sts:AssumeRole"
#               Principal = { Service = "monitoring.rds.amazonaws.com" }
#             }]
#           })
#       - type: aws_iam_role_policy_attachment
#         name: "{{name}}_monitoring"
#         body: |
#           role       = aws_iam_role.{{name}}_monitoring.name
#           policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole"
package iacpac.aws.rds.db_instance_enhanced_monitoring

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some resource_type in {"aws_db_instance", "aws_rds_cluster_instance"}
	some rc in tf.resources(resource_type)
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("%s does not enable enhanced monitoring (monitoring_interval)", [rc.address]),
	}
}

# A number (Checkov does not take "5" written as a string).
ok(rc) if {
	tf.configured(rc, "monitoring_interval")
	tf.after(rc).monitoring_interval in {1, 5, 10, 15, 30, 60}
	not is_string(object.get(tf.expressions(rc).monitoring_interval, "constant_value", null))
}

ok(rc) if {
	tf.configured(rc, "monitoring_interval")
	tf.unknown(rc).monitoring_interval == true
}
