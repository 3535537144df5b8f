module iacpac/hcl-syntax

go 1.19

// The module versions @cdktf/hcl2json 0.21.0 was built with (its build information). The build script takes each from
// a git checkout at the commit pinned there (it writes the replace directives), so no module proxy is needed.
require (
	github.com/agext/levenshtein v1.2.3
	github.com/apparentlymart/go-textseg/v15 v15.0.0
	github.com/hashicorp/hcl/v2 v2.23.0
	github.com/mitchellh/go-wordwrap v1.0.1
	github.com/zclconf/go-cty v1.15.1
	golang.org/x/text v0.21.0
)
