# METADATA
# title: "DMS endpoint uses SSL"
# description: "Data migration endpoints carry whole databases over the network. A source or target endpoint fails when it sets `ssl_mode` to none, unless its engine does not use that setting (S3 and Azure DB sources; DynamoDB, Kinesis, Neptune, Redshift, S3, Elasticsearch and Kafka targets)."
# custom:
#   id: IACPAC_AWS_DMS_004
#   severity: low
#   resource_types: [aws_dms_endpoint]
#   checkov: [CKV2_AWS_49]
#   remediation: "Set ssl_mode = \"require\" (or verify-ca / verify-full) on the aws_dms_endpoint."
package iacpac.aws.dms.endpoint_ssl

import rego.v1

import data.iacpac.lib.terraform as tf

ssl_exempt := {
	"source": {"s3", "azuredb"},
	"target": {"dynamodb", "kinesis", "neptune", "redshift", "s3", "elasticsearch", "kafka"},
}

deny contains finding if {
	some rc in tf.resources("aws_dms_endpoint")
	endpoint := tf.after(rc)
	exempt := ssl_exempt[endpoint.endpoint_type]
	not endpoint.engine_name in exempt
	tf.configured(rc, "ssl_mode")
	endpoint.ssl_mode == "none"
	finding := {
		"address": rc.address,
		"message": sprintf("DMS endpoint %s does not use SSL", [rc.address]),
	}
}
