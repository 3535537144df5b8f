# METADATA
# title: "Aurora PostgreSQL cluster logs queries"
# description: "Aurora PostgreSQL clusters should use a cluster parameter group that sets `log_statement` and `log_min_duration_statement`."
# custom:
#   id: IACPAC_AWS_RDS_024
#   severity: info
#   resource_types: [aws_rds_cluster, aws_rds_cluster_parameter_group]
#   checkov: [CKV2_AWS_27]
#   remediation: "Attach an aws_rds_cluster_parameter_group with log_statement and log_min_duration_statement parameters."
package iacpac.aws.rds.cluster_postgres_query_logging

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some cluster in tf.resources("aws_rds_cluster")
	tf.after(cluster).engine == "aurora-postgresql"
	not logs_queries(cluster)
	finding := {
		"address": cluster.address,
		"message": sprintf("Aurora PostgreSQL cluster %s has no parameter group that logs queries", [cluster.address]),
	}
}

logs_queries(cluster) if {
	some group in tf.connected_resources(cluster, "aws_rds_cluster_parameter_group")
	names := {p.name | some p in tf.blocks(tf.after(group), "parameter")}
	"log_statement" in names
	"log_min_duration_statement" in names
}
