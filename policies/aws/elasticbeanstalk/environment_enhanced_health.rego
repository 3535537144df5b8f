# METADATA
# title: "Elastic Beanstalk environment uses enhanced health reporting"
# description: "Enhanced health reporting watches instance and application metrics and reports degraded environments quickly."
# custom:
#   id: IACPAC_AWS_ELASTICBEANSTALK_001
#   severity: high
#   resource_types: [aws_elastic_beanstalk_environment]
#   checkov: [CKV_AWS_312]
#   remediation: "Add setting { namespace = \"aws:elasticbeanstalk:healthreporting:system\", name = \"SystemType\", value = \"enhanced\" }."
package iacpac.aws.elasticbeanstalk.environment_enhanced_health

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_elastic_beanstalk_environment")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Elastic Beanstalk environment %s does not use enhanced health reporting", [rc.address]),
	}
}

ok(rc) if {
	some setting in tf.blocks(tf.after(rc), "setting")
	setting.namespace == "aws:elasticbeanstalk:healthreporting:system"
	setting.name == "SystemType"
	setting.value == "enhanced"
}
