/** How the compiler sees builtins: their declared signatures (arity and operand types), by dotted name. */
import type { RegoType } from '../builtins/define-builtin.ts';

export interface BuiltinSignature {
  readonly args: readonly RegoType[];
  readonly result: RegoType;
  readonly variadic?: RegoType;
  /** OPA deprecated it (an error in strict mode). */
  readonly deprecated?: boolean;
}

export interface BuiltinSignatures {
  signature(name: string): BuiltinSignature | undefined;
}

/** Number of arguments, or -1 for variadic builtins. */
export function signatureArity(s: BuiltinSignature): number {
  return s.variadic ? -1 : s.args.length;
}
