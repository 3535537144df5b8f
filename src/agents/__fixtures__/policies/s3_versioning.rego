# METADATA
# title: S3 buckets keep object versions
# custom:
#   id: GEN_S3_VERSIONING
#   severity: medium
#   requirement: "every bucket keeps old versions of objects"
package iacpac.generated.s3_versioning

import rego.v1

deny contains msg if {
	some rc in input.resource_changes
	rc.type == "aws_s3_bucket"
	not versioned(rc.name)
	msg := sprintf("%s does not enable versioning", [rc.address])
}

# The versioning resource of a bucket carries the bucket's name (a convention the generated Terraform follows).
versioned(name) if {
	some rc in input.resource_changes
	rc.type == "aws_s3_bucket_versioning"
	rc.name == name
	rc.change.after.versioning_configuration[0].status == "Enabled"
}
