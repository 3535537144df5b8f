# METADATA
# title: "EFS access point confines clients to a root directory"
# description: "An access point is meant to give an application its own part of the file system; without a `root_directory` path other than \"/\", clients of the access point see the whole file system."
# custom:
#   id: IACPAC_AWS_EFS_004
#   severity: high
#   resource_types: [aws_efs_access_point]
#   checkov: [CKV_AWS_329]
#   remediation: "Add root_directory { path = \"/app\" } (with creation_info if the directory does not exist)."
package iacpac.aws.efs.access_point_root_directory

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_efs_access_point")
	not confined(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("EFS access point %s does not confine clients to a directory", [rc.address]),
	}
}

confined(rc) if {
	tf.block_configured(rc, "root_directory", "path")
	path := tf.block(tf.after(rc), "root_directory").path
	path != "/"
}

confined(rc) if {
	tf.block_configured(rc, "root_directory", "path")
	tf.block(tf.unknown(rc), "root_directory").path == true
}
