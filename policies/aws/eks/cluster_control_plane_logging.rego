# METADATA
# title: "EKS control plane logs every log type"
# description: "The API server, audit, authenticator, controller manager and scheduler logs are needed to investigate cluster activity; every type should be enabled."
# custom:
#   id: IACPAC_AWS_EKS_001
#   severity: info
#   resource_types: [aws_eks_cluster]
#   checkov: [CKV_AWS_37]
#   remediation: "Set enabled_cluster_log_types = [\"api\", \"audit\", \"authenticator\", \"controllerManager\", \"scheduler\"]."
#   fix:
#     set:
#       enabled_cluster_log_types: [api, audit, authenticator, controllerManager, scheduler]
package iacpac.aws.eks.cluster_control_plane_logging

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_eks_cluster")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("EKS cluster %s does not enable every control plane log type", [rc.address]),
	}
}

log_types := {"api", "audit", "authenticator", "controllerManager", "scheduler"}

ok(rc) if {
	enabled := {t | some t in tf.after(rc).enabled_cluster_log_types}
	count(log_types - enabled) == 0
}

ok(rc) if tf.unknown(rc).enabled_cluster_log_types == true
