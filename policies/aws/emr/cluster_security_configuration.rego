# METADATA
# title: "EMR cluster uses a security configuration"
# description: "A security configuration turns on encryption at rest and in transit and Kerberos for the cluster."
# custom:
#   id: IACPAC_AWS_EMR_001
#   severity: info
#   resource_types: [aws_emr_cluster]
#   checkov: [CKV2_AWS_55]
#   remediation: "Set security_configuration to an aws_emr_security_configuration name."
package iacpac.aws.emr.cluster_security_configuration

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_emr_cluster")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("EMR cluster %s has no security configuration", [rc.address]),
	}
}

ok(rc) if tf.set(rc, "security_configuration")
