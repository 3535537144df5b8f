# METADATA
# title: "Elastic Beanstalk environment applies managed platform updates"
# description: "Managed platform updates install platform patches automatically during a maintenance window."
# custom:
#   id: IACPAC_AWS_ELASTICBEANSTALK_002
#   severity: info
#   resource_types: [aws_elastic_beanstalk_environment]
#   checkov: [CKV_AWS_340]
#   remediation: "Add setting { namespace = \"aws:elasticbeanstalk:managedactions\", name = \"ManagedActionsEnabled\", value = \"true\" }."
package iacpac.aws.elasticbeanstalk.environment_managed_updates

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_elastic_beanstalk_environment")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Elastic Beanstalk environment %s does not enable managed platform updates", [rc.address]),
	}
}

ok(rc) if {
	some setting in tf.blocks(tf.after(rc), "setting")
	setting.namespace == "aws:elasticbeanstalk:managedactions"
	setting.name == "ManagedActionsEnabled"
	lower(setting.value) == "true"
}
