# METADATA
# title: "EFS access point enforces a user identity"
# description: "A `posix_user` makes every request through the access point run as a fixed user and group, whatever the client claims. The access point passes when `posix_user` sets a `gid`."
# custom:
#   id: IACPAC_AWS_EFS_005
#   severity: medium
#   resource_types: [aws_efs_access_point]
#   checkov: [CKV_AWS_330]
#   remediation: "Add posix_user { uid = 1000, gid = 1000 } to the aws_efs_access_point."
package iacpac.aws.efs.access_point_user_identity

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some resource_type in ["aws_efs_access_point"]
	some rc in tf.resources(resource_type)
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("EFS access point %s does not enforce a user identity", [rc.address]),
	}
}

ok(rc) if tf.block_set(rc, "posix_user", "gid")
