/**
 * The builtins one engine knows: OPA's (the pure ones of builtins/ and the evaluator's own), custom builtins
 * registered through the API, optionally restricted to an OPA capabilities document. One object serves the compiler
 * (signatures for arity and type checks) and the evaluator (implementations).
 */
import { BUILTINS } from './builtins/index.ts';
import { DECLARATIONS } from './builtins/declarations.ts';
import { wrapBuiltinImpl } from './builtins/builtin.ts';
import type { BuiltinContext, BuiltinDefinition, RegoType } from './builtins/define-builtin.ts';
import { fromJS, type RegoValue } from './value.ts';
import type { BuiltinSignature, BuiltinSignatures } from './compiler/signatures.ts';
import { INTERNAL_BUILTINS } from './eval/internal-builtins.ts';
import type { BuiltinTable, InternalBuiltin } from './eval/types.ts';

/** A builtin supplied by the host program: a name, a typed declaration and an implementation. */
export interface CustomBuiltin {
  /** Dotted name as policies call it, e.g. `cidr.is_public` or `result.new`. */
  readonly name: string;
  /** Declared operand types (OPA's type shape); operands declared with a plain type are checked before `impl` runs. */
  readonly args: readonly RegoType[];
  readonly result: RegoType;
  /** Type of any further arguments (variadic builtins). */
  readonly variadic?: RegoType;
  readonly description?: string;
  /** Results may differ between calls with the same arguments (never folded or cached). */
  readonly nondeterministic?: boolean;
  /**
   * The result, or undefined when the call is undefined. Arguments are Rego values (strings, numbers, booleans and
   * null as JS primitives, arrays as arrays, objects and sets as RegoObject/RegoSet; `toJS` gives plain JSON); the
   * result may be a Rego value or plain JSON-like JS (converted with `fromJS`). Throw `BuiltinError` for an error of
   * the call (undefined, or an evaluation error with strict builtin errors); any other thrown Error is treated alike;
   * a thrown RegoError aborts the evaluation.
   */
  impl: (args: readonly RegoValue[], context: BuiltinContext) => unknown;
}

/** Builtins the evaluator implements beyond OPA's declaration table (test helpers). */
const EXTRA_SIGNATURES: Record<string, BuiltinSignature> = {
  'internal.member_2': { args: [{ type: 'any' }, { type: 'any' }], result: { type: 'boolean' } },
  'internal.member_3': { args: [{ type: 'any' }, { type: 'any' }, { type: 'any' }], result: { type: 'boolean' } },
  'test.sleep': { args: [{ type: 'string' }], result: { type: 'null' } },
};

/** The subset of an OPA capabilities document this engine reads (`opa capabilities --current` shape). */
export interface Capabilities {
  builtins?: Array<{ name: string; decl?: { args?: RegoType[]; result?: RegoType; variadic?: RegoType } }>;
  future_keywords?: string[];
  features?: string[];
}

const ALWAYS = new Set(['internal.member_2', 'internal.member_3', 'eq', 'assign', 'equal', 'internal.print', 'internal.test_case']);

export class BuiltinSet implements BuiltinTable, BuiltinSignatures {
  private readonly custom = new Map<string, BuiltinDefinition>();
  private readonly customSignatures = new Map<string, BuiltinSignature>();
  /** Names allowed by a capabilities document (undefined: all), with the declarations it adds. */
  private allowed: Set<string> | undefined;
  private readonly declaredOnly = new Map<string, BuiltinSignature>();

  /** Register (or replace) a custom builtin. */
  register(builtin: CustomBuiltin): void {
    if (!/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/.test(builtin.name))
      throw new TypeError(`invalid builtin name ${JSON.stringify(builtin.name)}: use dotted identifiers, e.g. my.builtin`);
    const signature: BuiltinSignature = { args: builtin.args, result: builtin.result, ...(builtin.variadic ? { variadic: builtin.variadic } : {}) };
    this.customSignatures.set(builtin.name, signature);
    this.resolved.clear();
    this.custom.set(builtin.name, {
      name: builtin.name,
      category: 'custom',
      args: builtin.args,
      result: builtin.result,
      ...(builtin.variadic ? { variadic: builtin.variadic } : {}),
      ...(builtin.description ? { description: builtin.description } : {}),
      ...(builtin.nondeterministic ? { nondeterministic: true } : {}),
      impl: wrapBuiltinImpl(builtin.name, builtin.args, (args, context) => {
        const result = builtin.impl(args, context);
        return result === undefined ? undefined : fromJS(result);
      }),
    });
  }

  /**
   * Restrict the builtins to those a capabilities document lists (as `opa check --capabilities` does). Builtins it
   * declares that have no implementation here still compile; calling them is an evaluation error.
   */
  restrict(capabilities: Capabilities): void {
    const names = new Set<string>();
    for (const b of capabilities.builtins ?? []) {
      names.add(b.name);
      if (!this.customSignatures.has(b.name) && !this.builtinSignature(b.name) && b.decl)
        this.declaredOnly.set(b.name, { args: b.decl.args ?? [], result: b.decl.result ?? { type: 'any' }, ...(b.decl.variadic ? { variadic: b.decl.variadic } : {}) });
    }
    this.allowed = names;
    this.resolved.clear();
  }

  private isAllowed(name: string): boolean {
    return !this.allowed || this.allowed.has(name) || ALWAYS.has(name) || this.custom.has(name);
  }

  private builtinSignature(name: string): BuiltinSignature | undefined {
    return (DECLARATIONS as Record<string, BuiltinSignature>)[name] ?? EXTRA_SIGNATURES[name];
  }

  signature(name: string): BuiltinSignature | undefined {
    const custom = this.customSignatures.get(name);
    if (custom) return custom;
    if (!this.isAllowed(name)) return undefined;
    return this.builtinSignature(name) ?? this.declaredOnly.get(name);
  }

  internal(name: string): InternalBuiltin | undefined {
    return this.resolve(name).internal;
  }

  pure(name: string): BuiltinDefinition | undefined {
    return this.resolve(name).pure;
  }

  /** What a name calls, looked up once per name (an evaluation asks on every call); reset when the set changes. */
  private resolved = new Map<string, { internal: InternalBuiltin | undefined; pure: BuiltinDefinition | undefined }>();

  private resolve(name: string): { internal: InternalBuiltin | undefined; pure: BuiltinDefinition | undefined } {
    let r = this.resolved.get(name);
    if (!r) {
      const custom = this.custom.get(name);
      const allowed = this.isAllowed(name);
      r = { internal: custom || !allowed ? undefined : INTERNAL_BUILTINS.get(name), pure: custom ?? (allowed ? BUILTINS.get(name) : undefined) };
      this.resolved.set(name, r);
    }
    return r;
  }

  has(name: string): boolean {
    return this.signature(name) !== undefined;
  }
}
