# METADATA
# title: "Transfer Family server does not offer plain FTP"
# description: "FTP sends credentials and files in clear text. Transfer servers whose `protocols` include FTP fail; SFTP and FTPS pass."
# custom:
#   id: IACPAC_AWS_TRANSFER_002
#   severity: high
#   resource_types: [aws_transfer_server]
#   checkov: [CKV_AWS_357]
#   remediation: "Remove \"FTP\" from protocols; use SFTP (or FTPS)."
package iacpac.aws.transfer.server_secure_protocols

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_transfer_server")
	"FTP" in object.get(tf.after(rc), "protocols", [])
	finding := {
		"address": rc.address,
		"message": sprintf("Transfer server %s offers plain FTP", [rc.address]),
	}
}
