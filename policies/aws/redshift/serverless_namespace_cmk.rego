# METADATA
# title: "Redshift Serverless namespace is encrypted with a customer managed key"
# description: "A Redshift Serverless namespace without `kms_key_id` is encrypted with an AWS owned key. Namespaces that do not set a key fail."
# custom:
#   id: IACPAC_AWS_REDSHIFT_012
#   severity: high
#   resource_types: [aws_redshiftserverless_namespace]
#   checkov: [CKV_AWS_282]
#   remediation: "Set kms_key_id on the aws_redshiftserverless_namespace to a customer managed key ARN."
package iacpac.aws.redshift.serverless_namespace_cmk

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_redshiftserverless_namespace")
	not tf.set(rc, "kms_key_id")
	finding := {
		"address": rc.address,
		"message": sprintf("Redshift Serverless namespace %s is not encrypted with a customer managed KMS key", [rc.address]),
	}
}
