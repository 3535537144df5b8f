/**
 * The pure builtins (src/rego/builtins/index.ts, maintained separately). Loaded once; while that index does not
 * exist yet the engine runs with no pure builtins (calls to them are undefined / reported at compile time).
 */
import type { BuiltinDefinition } from '../builtins/define-builtin.ts';

let registry: ReadonlyMap<string, BuiltinDefinition> = new Map();
try {
  const path = '../builtins/index.ts';
  const mod = (await import(/* @vite-ignore */ path)) as { BUILTINS?: ReadonlyMap<string, BuiltinDefinition> };
  if (mod.BUILTINS) registry = mod.BUILTINS;
} catch {
  // not available yet
}

export function pureBuiltins(): ReadonlyMap<string, BuiltinDefinition> {
  return registry;
}
