# METADATA
# title: "Redshift parameter group requires SSL"
# description: "Redshift accepts unencrypted client connections unless the parameter group sets `require_ssl` to true. Parameter groups without that parameter, or with another value, fail."
# custom:
#   id: IACPAC_AWS_REDSHIFT_010
#   severity: low
#   resource_types: [aws_redshift_parameter_group]
#   checkov: [CKV_AWS_105]
#   remediation: "Add parameter { name = \"require_ssl\", value = \"true\" } to the aws_redshift_parameter_group."
package iacpac.aws.redshift.parameter_group_require_ssl

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_redshift_parameter_group")
	not requires_ssl(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Redshift parameter group %s does not require SSL", [rc.address]),
	}
}

requires_ssl(rc) if {
	some parameter in tf.blocks(tf.after(rc), "parameter")
	parameter.name == "require_ssl"
	lower(sprintf("%v", [parameter.value])) == "true"
}

# A parameter set whose values are known only at apply time.
requires_ssl(rc) if tf.unknown(rc).parameter == true
