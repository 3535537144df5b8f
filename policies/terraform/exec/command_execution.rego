# METADATA
# title: No commands run on the machine that plans or applies the configuration
# description: >-
#   A `local-exec` provisioner runs a shell command on the machine that runs `terraform apply` (or destroy), a
#   `remote-exec` provisioner runs commands on the created host, and an `external` data source runs its program on
#   every `terraform plan`. Such code executes with the operator's credentials and network access before any review of
#   the plan can stop it, so configuration that contains it (generated or third-party code in particular) must not be
#   planned or applied unreviewed.
# custom:
#   id: IACPAC_TF_EXEC_001
#   severity: high
#   resource_types: ["*", external]
#   remediation: >-
#     Remove the provisioner or the external data source. Configure hosts with provider arguments (user_data, images,
#     SSM documents), read data with provider data sources, and run scripts in the pipeline outside Terraform.
package iacpac.terraform.exec.command_execution

import rego.v1

import data.iacpac.lib.terraform as lib

# Provisioners that run commands; file provisioners only copy files.
command_provisioners := {"local-exec", "remote-exec"}

deny contains finding if {
	some rc in input.resource_changes
	rc.mode == "managed"
	rc.change.actions != ["delete"]
	some provisioner in object.get(lib.config(rc), "provisioners", [])
	provisioner.type in command_provisioners
	finding := {
		"address": rc.address,
		"message": sprintf("%s has a %s provisioner: it runs commands when the configuration is applied", [rc.address, provisioner.type]),
	}
}

# External data sources in every module of the configuration: Terraform runs them while planning, so a plan may not list them.
deny contains finding if {
	some [prefix, module] in lib.config_modules
	some resource in object.get(module, "resources", [])
	resource.mode == "data"
	resource.type == "external"
	address := concat(".", [part | some part in [prefix, resource.address]; part != ""])
	finding := {
		"address": address,
		"message": sprintf("%s runs an external program every time the configuration is planned", [address]),
	}
}
