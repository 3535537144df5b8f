# METADATA
# title: "RDS instance has Performance Insights"
# description: "Performance Insights records database load and the queries behind it, which helps spot abuse and contention. MySQL and MariaDB on micro/small burstable classes and Db2 engines do not support it and are not judged."
# custom:
#   id: IACPAC_AWS_RDS_005
#   severity: low
#   resource_types: [aws_db_instance, aws_rds_cluster_instance]
#   checkov: [CKV_AWS_353]
#   remediation: "Set performance_insights_enabled = true."
package iacpac.aws.rds.db_instance_performance_insights

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some resource_type in {"aws_db_instance", "aws_rds_cluster_instance"}
	some rc in tf.resources(resource_type)
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("%s does not enable Performance Insights", [rc.address]),
	}
}

unsupported_classes := {"db.t2.micro", "db.t2.small", "db.t3.micro", "db.t3.small", "db.t4g.micro", "db.t4g.small"}

ok(rc) if {
	tf.after(rc).engine in {"mariadb", "mysql"}
	tf.after(rc).instance_class in unsupported_classes
}

ok(rc) if tf.after(rc).engine in {"db2-se", "db2-ae"}

ok(rc) if tf.configured_value(rc, "performance_insights_enabled", true)
