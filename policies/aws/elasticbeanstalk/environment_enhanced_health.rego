# METADATA
# title: "Elastic Beanstalk environment uses enhanced health reporting"
# description: "Enhanced health reporting streams instance and application health to CloudWatch, so failing deployments and unhealthy hosts are seen early. The environment passes when a setting in the aws:elasticbeanstalk:healthreporting:system namespace sets HealthStreamingEnabled to true."
# custom:
#   id: IACPAC_AWS_ELASTICBEANSTALK_001
#   severity: high
#   resource_types: [aws_elastic_beanstalk_environment]
#   checkov: [CKV_AWS_312]
#   remediation: "Add setting { namespace = \"aws:elasticbeanstalk:healthreporting:system\", name = \"HealthStreamingEnabled\", value = \"true\" } (with SystemType = \"enhanced\")."
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
	setting.name == "HealthStreamingEnabled"
	lower(sprintf("%v", [setting.value])) == "true"
}
