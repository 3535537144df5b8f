# METADATA
# title: "RDS instance parameter group enforces TLS connections"
# description: "When an instance uses a custom parameter group, that group must force encrypted client connections: `rds.force_ssl = 1` for PostgreSQL and SQL Server families, `require_secure_transport = 1` for MySQL and MariaDB."
# custom:
#   id: IACPAC_AWS_RDS_014
#   severity: medium
#   resource_types: [aws_db_instance, aws_db_parameter_group]
#   checkov: [CKV2_AWS_69]
#   remediation: "Add parameter { name = \"rds.force_ssl\" value = \"1\" } (PostgreSQL/SQL Server) or require_secure_transport = 1 (MySQL/MariaDB)."
package iacpac.aws.rds.db_instance_encryption_in_transit

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some db in tf.resources("aws_db_instance")
	some group in tf.connected_resources(db, "aws_db_parameter_group")
	allows_plaintext(tf.after(group))
	finding := {
		"address": db.address,
		"message": sprintf("RDS instance %s uses parameter group %s, which does not force TLS", [db.address, group.address]),
	}
}

allows_plaintext(group) if {
	regex.match(`(^postgres|.*sqlserver).*`, group.family)
	not sets(group, "rds.force_ssl", "1")
}

allows_plaintext(group) if {
	regex.match(`^(mariadb|mysql).*`, group.family)
	not sets(group, "require_secure_transport", "1")
}

allows_plaintext(group) if {
	regex.match(`.*db2-ae.*`, group.family)
	not sets(group, "db2comm", "SSL")
}

# A missing parameter is not set (a helper rule, so that `not` sees the comparison, not an undefined operand).
sets(group, name, value) if parameter(group, name) == value

parameter(group, name) := value if {
	some p in tf.blocks(group, "parameter")
	p.name == name
	value := p.value
}
