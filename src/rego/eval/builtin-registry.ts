/** The pure builtins (src/rego/builtins/index.ts, one category per file). */
import type { BuiltinDefinition } from '../builtins/define-builtin.ts';
import { BUILTINS } from '../builtins/index.ts';

export function pureBuiltins(): ReadonlyMap<string, BuiltinDefinition> {
  return BUILTINS;
}
