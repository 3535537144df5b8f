import { setFlagsFromString } from 'node:v8';

/**
 * WebAssembly (HashiCorp's HCL parser in its worker, tree-sitter) starts in V8's baseline compiler and re-compiles a
 * function with the optimising compiler once it has run ~1.8 MB worth of code. One small folder crossed that for
 * hundreds of Go runtime functions: ~0.35 s CPU of background compilation that never paid back (`check` on one
 * resource: 1.2 s -> 0.85 s CPU). Raised so only functions that stay hot on large inputs are optimised (20k
 * resources: unchanged, ~9 s).
 *
 * Set just before a WebAssembly module is compiled (the parser worker does it itself, after it started), not when the
 * CLI starts: V8's flags are per process, and once one differs from V8's defaults V8 rejects every code cache made
 * with the defaults: Node's own cache of its built-in modules (each one loaded afterwards is compiled from source,
 * ~20 ms for those a check loads, and a worker thread's start loads many) and the bundle's (scripts/build.mjs).
 */
export const WASM_TIERING_FLAG = '--wasm-tiering-budget=300000000';

let raised = false;

/** Sets `WASM_TIERING_FLAG` for the process (once). */
export function raiseWasmTieringBudget(): void {
  if (raised) return;
  setFlagsFromString(WASM_TIERING_FLAG);
  raised = true;
}
