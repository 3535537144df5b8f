//go:build js && wasm

// HashiCorp's HCL native-syntax parser for iacpac (src/hcl/hcl-syntax-worker.ts). It registers two functions on
// __iacpac_hcl_syntax__:
//   - check(filename, source) returns "" when the source parses and otherwise HCL's diagnostics in exactly the text
//     @cdktf/hcl2json gives for them ("parse config: [<file>:<line>,<col>-<col>: <summary>; <detail> ...]").
//   - parse(filename, source) returns that same text when the source does not parse, and otherwise a Uint8Array: the
//     parsed file encoded for src/hcl/go-model.ts (encode.go), which builds iacpac's AST from it without parsing the
//     file again.
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
	uint8Array := js.Global().Get("Uint8Array")
	root.Set("parse", js.FuncOf(func(this js.Value, args []js.Value) interface{} {
		src := []byte(args[1].String())
		file, diags := hclsyntax.ParseConfig(src, args[0].String(), hcl.Pos{Line: 1, Column: 1})
		if diags.HasErrors() {
			return fmt.Sprintf("parse config: %v", diags.Errs())
		}
		encoded := encodeFile(src, file)
		out := uint8Array.New(len(encoded))
		js.CopyBytesToJS(out, encoded)
		return out
	}))
	// Keep the program alive: the functions are called from JavaScript.
	select {}
}
