# METADATA
# title: Every EC2 instance carries an owner tag
# description: Instances without an owner tag cannot be attributed to a team for cost and incident routing.
# custom:
#   id: ACME_TAG_001
#   severity: medium
#   resource_types: [aws_instance]
#   remediation: Add tags = { owner = "<team>" } to the instance.
package acme.tags.require_owner_tag

import rego.v1

deny contains finding if {
	some rc in input.resource_changes
	rc.type == "aws_instance"
	"create" in rc.change.actions
	not rc.change.after.tags.owner
	finding := {"address": rc.address, "message": sprintf("instance %s has no owner tag", [rc.address])}
}
