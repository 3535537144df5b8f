# METADATA
# title: Shared helpers for the iacpac policy library
# description: >-
#   Functions over the Terraform plan JSON (`terraform show -json` shape) used by the policies under
#   policies/aws. Load this file together with the policies when running them with OPA or conftest.
# scope: package
package iacpac.lib.terraform

import rego.v1

# Managed resources of the given type that exist after the plan is applied (every action but a pure delete).
resources(resource_type) := object.get(managed_by_type, resource_type, set())

# Every managed resource change that is not a pure delete, grouped by type (computed once per input).
managed_by_type[resource_type] contains rc if {
	some rc in input.resource_changes
	rc.mode == "managed"
	rc.change.actions != ["delete"]
	resource_type := rc.type
}

# Data sources of the given type that are read during apply (their configuration depends on something unknown, or they
# are not computed locally); data sources the plan reads at once (aws_iam_policy_document, ...) are in the
# configuration only.
data_sources(resource_type) := object.get(data_by_type, resource_type, set())

data_by_type[resource_type] contains rc if {
	some rc in input.resource_changes
	rc.mode == "data"
	resource_type := rc.type
}

# The planned values of a resource change; unknown attributes are absent here.
after(rc) := object.get(rc.change, "after", {})

# The after_unknown map of a resource change (true for values known only after apply).
unknown(rc) := u if {
	u := rc.change.after_unknown
	is_object(u)
} else := {}

# True for `true`, and for 1 written where a boolean belongs (Terraform rejects it; Checkov reads it as true).
is_true(value) if value == true

is_true(value) if value == 1

# A JSON document given as text (a policy, container definitions, ...). Text that is not strict JSON but reads as a
# YAML flow document (JSON with a trailing comma, as hand-written heredocs often have) is read that way too, as lenient
# parsers do. Undefined when the text is neither (or not a string).
document(text) := json.unmarshal(text) if {
	is_string(text)
	json.is_valid(text)
} else := doc if {
	is_string(text)
	yaml.is_valid(text)
	doc := yaml.unmarshal(text)
	not is_string(doc)
}

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

# Some provider attributes hold booleans as strings ("true"/"false").
value_or_unknown(rc, key, value) if {
	is_boolean(value)
	after(rc)[key] == sprintf("%v", [value])
}

value_or_unknown(rc, key, value) if unknown(rc)[key] == true

# Written in the configuration (not a provider default) and planned as `value` (or unknown at plan time).
configured_value(rc, key, value) if {
	configured(rc, key)
	value_or_unknown(rc, key, value)
}

# Top-level attribute `key` is set: a known non-empty value, or written in the configuration with a value that is
# unknown at plan time. (Computed attributes the configuration leaves out are unknown too, but they are not set.)
set(rc, key) if not empty(object.get(after(rc), key, null))

set(rc, key) if {
	unknown(rc)[key] == true
	configured(rc, key)
}

# The value at `path` (attribute names and block indexes, e.g. ["logging", 0, "target_bucket"]) is set: a known
# non-empty planned value, or a value known only at apply time.
set_at(rc, path) if not empty(object.get(after(rc), path, null))

set_at(rc, path) if object.get(unknown(rc), path, false) == true

# The configuration writes the attribute at `path` (attribute names and block indexes, as for set_at).
configured_at(rc, path) if object.get(expressions(rc), path, null) != null

# Attribute `key` of the first nested block `block_type` is set (known non-empty, or written and unknown).
block_set(rc, block_type, key) if not empty(object.get(block(after(rc), block_type), key, null))

block_set(rc, block_type, key) if {
	block(unknown(rc), block_type)[key] == true
	block_configured(rc, block_type, key)
}

# The configuration writes attribute `key` inside the first nested block `block_type`.
block_configured(rc, block_type, key) if {
	some b in as_list(expressions(rc)[block_type])
	b[key]
}

as_list(x) := x if is_array(x) else := [x]

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

# Module address without instance keys: module.a["x"].module.b[0] -> module.a.module.b
module_key(rc) := regex.replace(object.get(rc, "module_address", ""), `\[[^\]]*\]`, "")

# "<module>|<mode>|<type>.<name>" identifies a resource block across all instances of a count/for_each.
resource_key(rc) := sprintf("%s|%s|%s.%s", [module_key(rc), rc.mode, rc.type, rc.name])

# Configuration blocks of every module (root and two levels of module calls), by resource_key. A block declared twice
# (invalid, but scanned as far as it goes) keeps one of its declarations instead of making the key conflict.
configs := {key: c |
	some key, group in config_groups
	c := [x | some x in group][0]
}

config_groups[key] contains c if {
	some [prefix, module] in config_modules
	some c in object.get(module, "resources", [])
	key := sprintf("%s|%s|%s.%s", [prefix, c.mode, c.type, c.name])
}

config_modules := array.concat([["", object.get(input, ["configuration", "root_module"], {})]], nested_modules)

nested_modules := [[prefix, module] |
	some name1, call1 in object.get(input, ["configuration", "root_module", "module_calls"], {})
	some [prefix, module] in array.concat(
		[[sprintf("module.%s", [name1]), object.get(call1, "module", {})]],
		[[sprintf("module.%s.module.%s", [name1, name2]), object.get(call2, "module", {})] |
			some name2, call2 in object.get(call1, ["module", "module_calls"], {})
		],
	)
]

# The configuration block (`expressions`) of a resource change, or {} when it is not found.
config(rc) := object.get(configs, resource_key(rc), {})

# The expressions of a resource as written in the configuration.
expressions(rc) := object.get(config(rc), "expressions", {})

# True when the configuration of the resource writes attribute or block `key` (not a provider default).
configured(rc, key) if {
	expressions(rc)[key]
}

# The configuration address of a resource change with its module path and without instance keys
# ("module.a.aws_x.y", "data.aws_x.y"): how the scanner's `iacpac` extension names resources.
config_address(rc) := concat(".", [p | some p in [module_key(rc), mode_prefix(rc), sprintf("%s.%s", [rc.type, rc.name])]; p != ""])

mode_prefix(rc) := "data" if rc.mode == "data" else := ""

# The `lifecycle` block of a resource in the shape of configuration expressions, from the scanner's `iacpac`
# extension ({} when the resource has none). Undefined when the input has no extension (a plan JSON file from
# Terraform), so policies that need it report nothing there.
lifecycle(rc) := object.get(input.iacpac.lifecycle, config_address(rc), {})

# Every reference (e.g. "aws_s3_bucket.b.id") written anywhere in a resource's configuration.
references(rc) := {ref |
	walk(expressions(rc), [path, value])
	is_array(value) # most nodes are not: this cheap test first
	path[count(path) - 1] == "references"
	some ref in value
}

# References written in the configuration of one attribute of a resource.
attribute_references(rc, key) := {ref |
	some ref in expressions(rc)[key].references
}

# The resource_key of every resource block each configured resource references (computed once per input).
referenced := {key: targets |
	some key, c in configs
	prefix := split(key, "|")[0]
	targets := {target |
		walk(object.get(c, "expressions", {}), [path, refs])
		is_array(refs) # most nodes are not: this cheap test first
		path[count(path) - 1] == "references"
		some ref in refs
		parts := split(ref, ".")
		count(parts) >= 2
		not parts[0] in non_resource_roots
		target := sprintf("%s|managed|%s.%s", [prefix, parts[0], split(parts[1], "[")[0]])
	}
}

non_resource_roots := {"var", "local", "module", "each", "count", "path", "data", "self", "terraform"}

# The resource_key of every resource block each resource reaches indirectly (through local values, module input
# variables, module outputs, or a shared S3 bucket name), from the scanner's `iacpac.connections` extension.
indirectly_referenced := {address_key(address): {address_key(t) | some t in targets} |
	some address, targets in object.get(input, ["iacpac", "connections"], {})
}

# "module.a.aws_x.y" / "data.aws_x.y" -> the resource_key form "module.a|data|aws_x.y".
address_key(address) := key if {
	parts := regex.find_all_string_submatch_n(`^((?:module\.[^.]+\.)*)(data\.)?([^.]+\.[^.]+)$`, address, 1)[0]
	key := sprintf("%s|%s|%s", [trim_suffix(parts[1], "."), address_mode(parts[2]), parts[3]])
}

address_mode(prefix) := "data" if prefix == "data." else := "managed"

# True when the configuration of `rc` references `target` anywhere, directly or through locals, variables and outputs.
refers_to(rc, target) if resource_key(target) in referenced[resource_key(rc)]

refers_to(rc, target) if resource_key(target) in indirectly_referenced[resource_key(rc)]

# True when one of the two resources references the other (a graph edge, in either direction).
connected(a, b) if resource_key(b) in object.get(neighbours, resource_key(a), set())

# resource_key -> the resource_keys it is connected to by a reference in either direction, direct or indirect
# (computed once per input, so finding the neighbours of a resource does not scan every resource of a type).
neighbours[key] contains other if {
	some key, targets in referenced
	some other in targets
}

neighbours[key] contains other if {
	some other, targets in referenced
	some key in targets
}

neighbours[key] contains other if {
	some key, targets in indirectly_referenced
	some other in targets
}

neighbours[key] contains other if {
	some other, targets in indirectly_referenced
	some key in targets
}

# resource_key -> every managed resource change of that block (all instances, pure deletes included).
changes_by_key[key] contains rc if {
	some rc in input.resource_changes
	rc.mode == "managed"
	key := resource_key(rc)
}

# The managed resource changes (any type, pure deletes included) connected to `rc` by a reference in either direction.
connected_changes(rc) := {other |
	some key in object.get(neighbours, resource_key(rc), set())
	some other in object.get(changes_by_key, key, set())
}

# Resources of `resource_type` connected to `rc` by a reference in either direction (in the order of
# `resources(resource_type)`: the set below is ordered the same way).
connected_resources(rc, resource_type) := [other |
	some other in {o |
		some o in connected_changes(rc)
		o.type == resource_type
		o.change.actions != ["delete"]
	}
]
