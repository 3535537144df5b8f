# METADATA
# title: "Route 53 A record points at a managed resource"
# description: "An A record whose target is not a resource in the same configuration can dangle after that target is deleted, enabling subdomain takeover. A records pass when they reference an instance, EIP, load balancer, bucket, distribution, database, another record or similar resource, or alias a module output, data source or variable."
# custom:
#   id: IACPAC_AWS_ROUTE53_003
#   severity: medium
#   resource_types: [aws_route53_record]
#   checkov: [CKV2_AWS_23]
#   remediation: "Point the record at the resource through a reference (e.g. records = [aws_eip.web.public_ip]) or an alias."
package iacpac.aws.route53.a_record_attached

import rego.v1

import data.iacpac.lib.terraform as tf

targets := {
	"aws_instance", "aws_eip", "aws_elb", "aws_lb", "aws_alb", "aws_route53_record", "aws_s3_bucket",
	"aws_api_gateway_domain_name", "aws_elastic_beanstalk_environment", "aws_vpc_endpoint",
	"aws_globalaccelerator_accelerator", "aws_cloudfront_distribution", "aws_db_instance", "aws_apigatewayv2_domain_name",
	"aws_lightsail_instance", "aws_lightsail_static_ip",
}

deny contains finding if {
	some record in tf.resources("aws_route53_record")
	tf.after(record).type == "A"
	not attached(record)
	finding := {
		"address": record.address,
		"message": sprintf("Route 53 A record %s does not point at a resource of this configuration", [record.address]),
	}
}

attached(record) if {
	some rc in tf.connected_changes(record)
	rc.type in targets
	rc.address != record.address
}

attached(record) if {
	some alias in tf.expressions(record).alias
	some ref in alias.name.references
	some marker in ["module", "data.", "var."]
	contains(ref, marker)
}
