//go:build js && wasm

// HashiCorp's HCL native-syntax parser, and nothing else, for iacpac's syntax check (src/hcl/hcl-syntax-worker.ts).
// It registers one function, __iacpac_hcl_syntax__.check(filename, source), which returns "" when the source
// parses and otherwise HCL's diagnostics in exactly the text @cdktf/hcl2json gives for them
// ("parse config: [<file>:<line>,<col>-<col>: <summary>; <detail> ...]"). Unlike hcl2json it does not convert the
// parsed file to JSON, which iacpac never used: only the verdict and the diagnostics.
// Built by scripts/build-hcl-syntax-wasm.sh into assets/hcl-syntax/.
package main

import (
	"fmt"
	"syscall/js"

	hcl "github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

func main() {
	root := js.Global().Get("__iacpac_hcl_syntax__")
	root.Set("check", js.FuncOf(func(this js.Value, args []js.Value) interface{} {
		_, diags := hclsyntax.ParseConfig([]byte(args[1].String()), args[0].String(), hcl.Pos{Line: 1, Column: 1})
		if diags.HasErrors() {
			return fmt.Sprintf("parse config: %v", diags.Errs())
		}
		return ""
	}))
	// Keep the program alive: the check function is called from JavaScript.
	select {}
}
