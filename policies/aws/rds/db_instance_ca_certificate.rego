# METADATA
# title: "RDS instance uses a current CA certificate"
# description: "Clients verify the database's TLS certificate against its certificate authority; the older rds-ca-2019 authority expired, so instances that name it break TLS verification (or push clients to disable it). An instance that sets `ca_cert_identifier` must use rds-ca-rsa2048-g1, rds-ca-rsa4096-g1 or rds-ca-ecc384-g1; leaving it out uses the current default."
# custom:
#   id: IACPAC_AWS_RDS_029
#   severity: low
#   resource_types: [aws_db_instance]
#   checkov: [CKV_AWS_211]
#   remediation: "Set ca_cert_identifier = \"rds-ca-rsa2048-g1\" (or rds-ca-rsa4096-g1 / rds-ca-ecc384-g1)."
package iacpac.aws.rds.db_instance_ca_certificate

import rego.v1

import data.iacpac.lib.terraform as tf

current_authorities := {"rds-ca-rsa2048-g1", "rds-ca-rsa4096-g1", "rds-ca-ecc384-g1"}

deny contains finding if {
	some rc in tf.resources("aws_db_instance")
	tf.configured(rc, "ca_cert_identifier")
	authority := tf.after(rc).ca_cert_identifier
	is_string(authority)
	not authority in current_authorities
	finding := {
		"address": rc.address,
		"message": sprintf("RDS instance %s uses the outdated CA certificate %s", [rc.address, authority]),
	}
}
