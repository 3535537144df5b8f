# METADATA
# title: Shared helpers for the iacpac policy library
# description: >-
#   Functions over the Terraform plan JSON (`terraform show -json` shape) used by the policies under
#   policies/aws. Load this file together with the policies when running them with OPA or conftest.
# scope: package
package iacpac.lib.terraform

import rego.v1

# Managed resources of the given type that exist after the plan is applied (every action but a pure delete).
resources(resource_type) := [rc |
	some rc in input.resource_changes
	rc.mode == "managed"
	rc.type == resource_type
	rc.change.actions != ["delete"]
]

# The planned values of a resource change; unknown attributes are absent here.
after(rc) := object.get(rc.change, "after", {})

# The after_unknown map of a resource change (true for values known only after apply).
unknown(rc) := u if {
	u := rc.change.after_unknown
	is_object(u)
} else := {}

# True when `value` carries no setting: null, "", [] or {}.
empty(value) if value == null
empty(value) if value == ""
empty(value) if value == []
empty(value) if value == {}

# True when `obj[key]` is set to something, or is unknown at plan time (computed from another resource).
has(obj, unknown_obj, key) if {
	not empty(object.get(obj, key, null))
}

has(obj, unknown_obj, key) if {
	is_object(unknown_obj)
	unknown_obj[key] == true
}

# The planned value of top-level attribute `key` equals `value`, or the attribute is unknown at plan time.
value_or_unknown(rc, key, value) if after(rc)[key] == value

value_or_unknown(rc, key, value) if unknown(rc)[key] == true

# Written in the configuration (not a provider default) and planned as `value` (or unknown at plan time).
configured_value(rc, key, value) if {
	configured(rc, key)
	value_or_unknown(rc, key, value)
}

# `has` applied to a resource change's top-level attribute.
set(rc, key) if has(after(rc), unknown(rc), key)

# Nested blocks `key` of an object as a list (Terraform renders blocks as lists of objects).
blocks(obj, key) := b if {
	b := obj[key]
	is_array(b)
} else := [b] if {
	b := obj[key]
	is_object(b)
} else := []

# The first nested block `key` of an object, or {} when there is none.
block(obj, key) := b if {
	some b in blocks(obj, key)
} else := {}

# The configuration module (from input.configuration) that declares a resource change.
config_module(rc) := m if {
	not rc.module_address
	m := input.configuration.root_module
} else := m if {
	names := [substring(name, 7, -1) |
		some name in regex.find_n(`module\.[A-Za-z0-9_-]+`, rc.module_address, -1)
	]
	path := [step | some name in names; some step in ["module_calls", name, "module"]]
	m := object.get(input.configuration.root_module, path, null)
	m != null
}

# The configuration block (`expressions`) of a resource change, or {} when it is not found.
config(rc) := c if {
	m := config_module(rc)
	some c in m.resources
	c.mode == rc.mode
	c.type == rc.type
	c.name == rc.name
} else := {}

# The expressions of a resource as written in the configuration.
expressions(rc) := object.get(config(rc), "expressions", {})

# True when the configuration of the resource writes attribute or block `key` (not a provider default).
configured(rc, key) if {
	expressions(rc)[key]
}

# Every reference (e.g. "aws_s3_bucket.b.id") written anywhere in a resource's configuration.
references(rc) := {ref |
	walk(expressions(rc), [path, value])
	count(path) > 0
	path[count(path) - 1] == "references"
	is_array(value)
	some ref in value
}

# References written in the configuration of one attribute of a resource.
attribute_references(rc, key) := {ref |
	some ref in expressions(rc)[key].references
}

same_module(a, b) if object.get(a, "module_address", "") == object.get(b, "module_address", "")

# True when reference string `ref` points at resource change `target` (or one of its attributes/instances).
points_to(ref, target) if ref == sprintf("%s.%s", [target.type, target.name])

points_to(ref, target) if startswith(ref, sprintf("%s.%s.", [target.type, target.name]))

points_to(ref, target) if startswith(ref, sprintf("%s.%s[", [target.type, target.name]))

# True when the configuration of `rc` references `target` anywhere.
refers_to(rc, target) if {
	same_module(rc, target)
	some ref in references(rc)
	points_to(ref, target)
}

# True when one of the two resources references the other (a graph edge, in either direction).
connected(a, b) if refers_to(a, b)

connected(a, b) if refers_to(b, a)

# Resources of `resource_type` connected to `rc` by a reference in either direction.
connected_resources(rc, resource_type) := [other |
	some other in resources(resource_type)
	connected(rc, other)
]
