# METADATA
# title: "Neptune instance is not publicly accessible"
# description: "A publicly accessible Neptune instance exposes the graph endpoint to the internet."
# custom:
#   id: IACPAC_AWS_NEPTUNE_007
#   severity: high
#   resource_types: [aws_neptune_cluster_instance]
#   checkov: [CKV_AWS_102]
#   remediation: "Set publicly_accessible = false on the aws_neptune_cluster_instance."
package iacpac.aws.neptune.instance_not_public

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_neptune_cluster_instance")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Neptune instance %s is publicly accessible", [rc.address]),
	}
}

ok(rc) if not tf.after(rc).publicly_accessible == true
