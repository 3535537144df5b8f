# METADATA
# title: "EMR cluster with Kerberos names its realm"
# description: "Kerberos authentication of an EMR cluster needs the realm that issues the cluster's tickets; `kerberos_attributes` without `realm` leaves authentication misconfigured (the provider now requires it, so only older or broken configurations can omit it). Clusters without Kerberos are not judged."
# custom:
#   id: IACPAC_AWS_EMR_004
#   severity: low
#   resource_types: [aws_emr_cluster]
#   checkov: [CKV_AWS_114]
#   remediation: "Set realm (e.g. \"EC2.INTERNAL\") in kerberos_attributes."
package iacpac.aws.emr.cluster_kerberos_realm

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some cluster in tf.resources("aws_emr_cluster")
	tf.configured(cluster, "kerberos_attributes")
	not tf.block_configured(cluster, "kerberos_attributes", "realm")
	finding := {
		"address": cluster.address,
		"message": sprintf("EMR cluster %s uses Kerberos without a realm", [cluster.address]),
	}
}
