# METADATA
# title: "AMI lookups by name pattern are pinned to an owner"
# description: "An `aws_ami` data source that searches by a name pattern (with * or ?) without `owners` takes the most recent public AMI whose name matches, which anyone can publish (the \"whoAMI\" name-confusion attack). Lookups that name `owners`, or whose name filter has no wildcard, pass."
# custom:
#   id: IACPAC_AWS_EC2_022
#   severity: low
#   resource_types: [aws_ami]
#   checkov: [CKV_AWS_386]
#   remediation: "Add owners = [\"<account id or alias, e.g. amazon>\"] to the aws_ami data source."
package iacpac.aws.ec2.ami_lookup_owner

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some ami in tf.data_sources("aws_ami")
	lookup := tf.after(ami)
	tf.empty(object.get(lookup, "owners", null))
	not tf.unknown(ami).owners
	some filter in tf.blocks(lookup, "filter")
	filter.name == "name"
	some value in filter.values
	regex.match(`[*?]`, value)
	finding := {
		"address": ami.address,
		"message": sprintf("AMI lookup %s matches a name pattern without pinning the owner", [ami.address]),
	}
}
