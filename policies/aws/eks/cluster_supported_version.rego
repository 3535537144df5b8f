# METADATA
# title: "EKS cluster runs a supported Kubernetes version"
# description: "Kubernetes versions past end of support get no security patches. A version written in the configuration must be one of 1.29 to 1.35, the versions Checkov 3.3.13 lists as supported (the list is pinned to that release so results do not drift between Checkov versions); leaving it out lets EKS pick the current default."
# custom:
#   id: IACPAC_AWS_EKS_005
#   severity: high
#   resource_types: [aws_eks_cluster]
#   checkov: [CKV_AWS_339]
#   remediation: "Set version to a supported Kubernetes version (e.g. \"1.31\")."
package iacpac.aws.eks.cluster_supported_version

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_eks_cluster")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("EKS cluster %s runs an unsupported Kubernetes version", [rc.address]),
	}
}

# Pinned to Checkov 3.3.13 (EKS standard and extended support at its release).
supported := {"1.29", "1.30", "1.31", "1.32", "1.33", "1.34", "1.35"}

ok(rc) if not tf.configured(rc, "version")

ok(rc) if tf.after(rc).version in supported

ok(rc) if tf.unknown(rc).version == true
