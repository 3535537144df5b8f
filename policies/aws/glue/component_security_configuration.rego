# METADATA
# title: "Glue crawler, job or dev endpoint uses a security configuration"
# description: "A Glue security configuration encrypts what crawlers, jobs and development endpoints write to S3, CloudWatch and job bookmarks. Each of them must name a `security_configuration`."
# custom:
#   id: IACPAC_AWS_GLUE_001
#   severity: low
#   resource_types: [aws_glue_crawler, aws_glue_dev_endpoint, aws_glue_job]
#   checkov: [CKV_AWS_195]
#   remediation: "Create an aws_glue_security_configuration and set security_configuration on the crawler, job or dev endpoint."
package iacpac.aws.glue.component_security_configuration

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some resource_type in ["aws_glue_crawler", "aws_glue_dev_endpoint", "aws_glue_job"]
	some rc in tf.resources(resource_type)
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Glue component %s has no security configuration", [rc.address]),
	}
}

ok(rc) if tf.set(rc, "security_configuration")
