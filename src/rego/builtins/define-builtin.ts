import type { RegoValue } from '../value.ts';

/**
 * Declared types of builtin operands/results, in the shape OPA's capabilities files use
 * (see ../shared/data/opa-conformance/opa-builtins.json `decl`).
 */
export type RegoType =
  | { type: 'any'; of?: RegoType[] }
  | { type: 'null' | 'boolean' | 'number' | 'string' }
  | { type: 'array'; static?: RegoType[]; dynamic?: RegoType }
  | { type: 'set'; of?: RegoType }
  | { type: 'object'; static?: Array<{ key: string; value: RegoType }>; dynamic?: { key: RegoType; value: RegoType } }
  | { type: 'function'; args?: RegoType[]; result?: RegoType; variadic?: RegoType };

/** What a builtin can see of the evaluation that calls it. */
export interface BuiltinContext {
  /** OPA strict-builtin-errors mode: errors abort evaluation instead of making the call undefined. */
  readonly strict: boolean;
  /** Nanoseconds since the epoch, fixed for one evaluation (time.now_ns). */
  readonly nowNs: bigint;
  /** Per-evaluation cache (rand.intn memoisation, compiled regex cache, ...). */
  readonly cache: Map<string, unknown>;
  /** Network builtins (http.send, net.lookup_ip_addr) run only when enabled. */
  readonly allowNetwork: boolean;
  /** print() output sink. */
  print(line: string): void;
  /** Call a user-defined function / another builtin by name (used by e.g. walk-style helpers); optional. */
  readonly seed?: number;
}

/** Thrown by a builtin implementation for a bad operand or failed operation; carries OPA's message text. */
export class BuiltinError extends Error {
  /** OPA error code: 'eval_type_error' for operand type errors, 'eval_builtin_error' otherwise. */
  readonly code: 'eval_type_error' | 'eval_builtin_error' | 'eval_conflict_error';
  constructor(message: string, code: BuiltinError['code'] = 'eval_builtin_error') {
    super(message);
    this.name = 'BuiltinError';
    this.code = code;
  }
}

export interface BuiltinDefinition {
  /** Full dotted name, e.g. 'strings.replace_n' or 'count'. */
  readonly name: string;
  /** OPA category, e.g. 'strings', 'aggregates' (the file it lives in). */
  readonly category: string;
  readonly args: readonly RegoType[];
  readonly result: RegoType;
  readonly variadic?: RegoType;
  readonly description?: string;
  /** Results may differ between calls with the same arguments (rand, time.now_ns, http.send). */
  readonly nondeterministic?: boolean;
  /** Infix operator form, e.g. '+' for plus. */
  readonly infix?: string;
  /** Returns the result, or undefined when the call is undefined. Throws BuiltinError on errors. */
  impl(args: readonly RegoValue[], context: BuiltinContext): RegoValue | undefined;
}

export function defineBuiltin(definition: BuiltinDefinition): BuiltinDefinition {
  return definition;
}
