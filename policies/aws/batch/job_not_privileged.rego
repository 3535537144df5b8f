# METADATA
# title: "Batch job definition does not run privileged containers"
# description: "A privileged container has root access to the host it runs on, so one compromised job can take over the compute environment. A container job definition fails when its `container_properties` set `privileged` to true; properties that cannot be read at plan time are not judged."
# custom:
#   id: IACPAC_AWS_BATCH_001
#   severity: low
#   resource_types: [aws_batch_job_definition]
#   checkov: [CKV_AWS_210]
#   remediation: "Remove \"privileged\": true from container_properties; grant only the Linux capabilities the job needs."
package iacpac.aws.batch.job_not_privileged

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_batch_job_definition")
	text := tf.after(rc).container_properties
	is_string(text)
	json.is_valid(text)
	properties := json.unmarshal(text)
	is_object(properties)
	truthy(object.get(properties, "privileged", false))
	finding := {
		"address": rc.address,
		"message": sprintf("Batch job definition %s runs a privileged container", [rc.address]),
	}
}

truthy(value) if value == true

truthy(value) if value == "true"
