/**
 * The evaluator's contract with the modules it dispatches to (rules.ts, calls.ts, internal-builtins.ts): continuation
 * types and the `EvalMachine` interface the Evaluator class implements. These modules depend on this file, never on
 * evaluator.ts, so the evaluator's files form no import cycle.
 */
import type { Body, Expr, Loc, Term, TermOf } from '../syntax/ast.ts';
import type { Program } from '../compiler/compile.ts';
import type { CompiledRule } from '../compiler/rule-tree.ts';
import type { BuiltinContext, BuiltinDefinition } from '../builtins/define-builtin.ts';
import type { RegoValue } from '../value.ts';
import type { EvalContext } from './context.ts';

/** A continuation's result: `true` stops the enumeration (negation, `every`, first-solution queries). */
export type Stop = boolean | void;
export type Cont = () => Stop;
export type ValueCont = (v: RegoValue) => Stop;
/**
 * Variable bindings of a body. A variable is unbound when absent or mapped to `undefined`: unbinding sets `undefined`
 * rather than deleting (a small Map that shrinks on delete reallocates its table, once per enumerated value).
 */
export type Env = Map<string, RegoValue | undefined>;

export interface EvalLimits {
  /** Maximum evaluation steps (expressions evaluated). */
  maxSteps?: number;
  /** Wall-clock budget in milliseconds. */
  timeoutMs?: number;
  /** Maximum nesting of rule/function evaluation. */
  maxDepth?: number;
}

/** A builtin that needs the evaluator (comparison, membership, print, walk, metadata, network). */
export interface InternalBuiltin {
  /** Called with evaluated arguments. */
  call?: (ev: EvalMachine, ctx: EvalContext, args: RegoValue[], k: ValueCont, t: TermOf<'call'>) => Stop;
  /**
   * For a builtin with at most one value and no effect (comparisons, membership): that value from evaluated arguments,
   * or undefined. `call` does the same through a continuation; the evaluator reads this one where it can.
   */
  value?: (args: RegoValue[]) => RegoValue | undefined;
  /** Called with unevaluated argument terms (print needs to see undefined arguments). */
  raw?: (ev: EvalMachine, ctx: EvalContext, t: TermOf<'call'>, env: Env, k: ValueCont) => Stop;
}

/** The builtins an evaluation can call: evaluator-implemented ones and pure ones (OPA's and registered custom ones). */
export interface BuiltinTable {
  internal(name: string): InternalBuiltin | undefined;
  pure(name: string): BuiltinDefinition | undefined;
  /** Is `name` a builtin (implemented or only declared, e.g. through capabilities)? Used by `with f as g`. */
  has(name: string): boolean;
}

export type TraceOp = 'enter' | 'eval' | 'exit' | 'fail' | 'redo' | 'note' | 'testcase';

/** One step of an evaluation, as OPA's tracers see them (explain traces, coverage). */
export interface TraceEvent {
  readonly op: TraceOp;
  /** Rule nesting: 0 for the query, 1 inside the first rule body, ... */
  readonly depth: number;
  /** The expression (eval/fail/redo) or the rule (enter/exit); neither for notes and the query's enter. */
  readonly expr?: Expr;
  readonly rule?: CompiledRule;
  readonly loc?: Loc;
  /** `trace(message)` text (note events). */
  readonly message?: string;
  /** The case a parameterised test entered (`internal.test_case([key, ...])`, testcase events). */
  readonly values?: RegoValue;
}

export interface Tracer {
  event(event: TraceEvent): void;
}

export interface EvaluatorOptions {
  builtins: BuiltinTable;
  /** Receives every evaluation step (slower; for explain traces and coverage). */
  tracer?: Tracer;
  strictBuiltinErrors?: boolean;
  allowNetwork?: boolean;
  limits?: EvalLimits;
  print?: (line: string) => void;
  nowNs?: bigint;
  runtime?: RegoValue;
}

/** What rule evaluation, calls and internal builtins use of the evaluator. */
export interface EvalMachine {
  readonly program: Program;
  readonly options: EvaluatorOptions;
  readonly strict: boolean;
  readonly nowNs: bigint;
  readonly builtinCache: Map<string, unknown>;
  /** What pure builtins are called with (see `builtinContext` in calls.ts), made on the first call. */
  builtinContext: BuiltinContext | undefined;
  /** Stack of rules being evaluated (rego.metadata.rule/chain). */
  readonly ruleStack: CompiledRule[];
  readonly maxDepth: number;
  depth: number;
  print(line: string): void;
  step(loc: Loc | undefined): void;
  evalBody(ctx: EvalContext, body: Body, i: number, env: Env, k: Cont): Stop;
  evalTerm(ctx: EvalContext, t: Term, env: Env, k: ValueCont): Stop;
  /**
   * An empty environment for one evaluation of `rule` (a function's rule is evaluated once per distinct call), to be
   * handed back with `releaseEnv` when that evaluation is over: environments are reused rather than allocated.
   */
  ruleEnv(rule: CompiledRule): Env;
  releaseEnv(rule: CompiledRule, env: Env): void;
  /** A continuation that passes every value of `t` (at the time it is called) to `f`. */
  eachValue(ctx: EvalContext, t: Term, env: Env, f: ValueCont): Cont;
  evalList(ctx: EvalContext, items: Term[], env: Env, k: (items: RegoValue[]) => Stop): Stop;
  unifyValue(ctx: EvalContext, t: Term, v: RegoValue, env: Env, k: Cont): Stop;
  iterate(coll: RegoValue, f: (key: RegoValue, value: RegoValue) => Stop): Stop;
  /** Base document at an absolute path, with `with data...` overrides applied. */
  baseAt(ctx: EvalContext, path: readonly string[]): RegoValue | undefined;
}
