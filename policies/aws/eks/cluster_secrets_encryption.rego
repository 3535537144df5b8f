# METADATA
# title: "EKS cluster encrypts Kubernetes secrets with KMS"
# description: "Envelope encryption of Kubernetes secrets with a KMS key protects them in etcd and its backups."
# custom:
#   id: IACPAC_AWS_EKS_004
#   severity: medium
#   resource_types: [aws_eks_cluster]
#   checkov: [CKV_AWS_58]
#   remediation: "Add encryption_config { resources = [\"secrets\"], provider { key_arn = aws_kms_key.<name>.arn } }."
package iacpac.aws.eks.cluster_secrets_encryption

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_eks_cluster")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("EKS cluster %s does not encrypt Kubernetes secrets", [rc.address]),
	}
}

ok(rc) if {
	some config in tf.blocks(tf.after(rc), "encryption_config")
	"secrets" in config.resources
}
