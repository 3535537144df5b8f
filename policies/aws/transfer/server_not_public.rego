# METADATA
# title: "Transfer Family server is not publicly exposed"
# description: "A `PUBLIC` endpoint (the default) exposes the SFTP/FTPS server to the internet; use a VPC endpoint."
# custom:
#   id: IACPAC_AWS_TRANSFER_001
#   severity: medium
#   resource_types: [aws_transfer_server]
#   checkov: [CKV_AWS_164]
#   remediation: "Set endpoint_type = \"VPC\" with endpoint_details."
package iacpac.aws.transfer.server_not_public

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_transfer_server")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Transfer server %s has a public endpoint", [rc.address]),
	}
}

ok(rc) if {
	tf.configured(rc, "endpoint_type")
	tf.after(rc).endpoint_type != "PUBLIC"
}
