/**
 * Top-down evaluator core: bodies, expressions, terms, refs and unification, in continuation-passing style.
 * A continuation returns `true` to stop the enumeration (used by negation, `every`, existence checks).
 * Rule/virtual-document evaluation lives in rules.ts, calls in calls.ts; both see the evaluator through the
 * `EvalMachine` interface of types.ts.
 */
import type { Body, Expr, Loc, Term, TermOf } from '../syntax/ast.ts';
import { RegoError } from '../syntax/errors.ts';
import type { Program } from '../compiler/compile.ts';
import type { CompiledRule, RuleNode } from '../compiler/rule-tree.ts';
import { equals, equalValues, lookup, lookupPath, RegoObject, RegoSet, setPath, valueKey, type RegoValue } from '../value.ts';
import { EvalContext, type DataOverride, type FunctionOverride } from './context.ts';
import { printText } from './rego-text.ts';
import { argOrder, callTerm, functionNode, pureValue } from './calls.ts';
import { functionValue, materialize } from './rules.ts';
import type { BuiltinContext, BuiltinDefinition } from '../builtins/define-builtin.ts';
import type { Cont, Env, EvalMachine, EvaluatorOptions, Stop, ValueCont } from './types.ts';

export type { Cont, Env, EvalLimits, EvaluatorOptions, Stop, ValueCont } from './types.ts';

export class Evaluator implements EvalMachine {
  steps = 0;
  depth = 0;
  readonly maxSteps: number;
  readonly deadline: number;
  readonly maxDepth: number;
  readonly strict: boolean;
  readonly builtinCache = new Map<string, unknown>();
  builtinContext: BuiltinContext | undefined = undefined;
  readonly nowNs: bigint;
  /** Stack of rules being evaluated (rego.metadata.rule/chain). */
  readonly ruleStack: CompiledRule[] = [];
  private readonly callTargets = new Map<TermOf<'call'>, CallTarget>();
  /** Released environments by rule (see `ruleEnv`). */
  private readonly envs = new Map<CompiledRule, Env[]>();

  constructor(
    readonly program: Program,
    readonly data: RegoValue,
    readonly options: EvaluatorOptions,
  ) {
    const limits = options.limits ?? {};
    this.maxSteps = limits.maxSteps ?? 50_000_000;
    this.deadline = Date.now() + (limits.timeoutMs ?? 30_000);
    this.maxDepth = limits.maxDepth ?? 400;
    this.strict = options.strictBuiltinErrors ?? false;
    this.nowNs = options.nowNs ?? BigInt(Date.now()) * 1_000_000n;
  }

  ruleEnv(rule: CompiledRule): Env {
    return this.envs.get(rule)?.pop() ?? new Map();
  }

  releaseEnv(rule: CompiledRule, env: Env): void {
    // Unbind every variable (keeping the keys: the same rule binds the same names next time).
    for (const name of env.keys()) env.set(name, undefined);
    const free = this.envs.get(rule);
    if (free) free.push(env);
    else this.envs.set(rule, [env]);
  }

  print(line: string): void {
    this.options.print?.(line);
  }

  step(loc: Loc | undefined): void {
    if (++this.steps > this.maxSteps) throw new RegoError('eval_cancel_error', `evaluation exceeded the step limit (${this.maxSteps})`, loc);
    if ((this.steps & 1023) === 0 && Date.now() > this.deadline)
      throw new RegoError('eval_cancel_error', 'evaluation timed out', loc);
  }

  // ------------------------------------------------------------------ bodies and expressions

  evalBody(ctx: EvalContext, body: Body, i: number, env: Env, k: Cont): Stop {
    if (this.options.tracer) {
      if (i >= body.length) {
        this.step(undefined);
        return k();
      }
      return this.evalExpr(ctx, body[i]!, env, () => this.evalBody(ctx, body, i + 1, env, k));
    }
    // Untraced: expressions with at most one solution (tests, comparisons, `x := <term with one value>`) are decided in
    // this loop; the first that may enumerate continues by continuation. The variables bound here are unbound when the
    // rest of the body (and `k`) is done, as unification does.
    let bound: string[] | undefined;
    let r: Stop;
    for (;; i++) {
      if (i >= body.length) {
        this.step(undefined);
        r = k();
        break;
      }
      const e = body[i]!;
      this.step(e.loc);
      const d = this.directExpr(ctx, e, env);
      if (d === NOT_DIRECT || typeof d === 'object') {
        const next = i + 1;
        r = this.evalExprStepped(ctx, e, env, () => this.evalBody(ctx, body, next, env, k), undefined, d === NOT_DIRECT ? undefined : d);
        break;
      }
      if (d === false) {
        r = undefined;
        break;
      }
      if (d !== true) (bound ??= []).push(d);
    }
    if (bound) for (const name of bound) env.set(name, undefined);
    return r;
  }

  /**
   * Decide an expression that has at most one solution without a continuation: true if it holds, false if not, the
   * name of the variable it bound (it holds). For any other expression (evaluate it by continuation): the term of it
   * whose `direct` gave up (the continuation need not try that again), or NOT_DIRECT.
   */
  private directExpr(ctx: EvalContext, e: Expr, env: Env): boolean | string | Term | typeof NOT_DIRECT {
    if (e.withs.length) return NOT_DIRECT;
    switch (e.kind) {
      case 'term': {
        const v = this.direct(ctx, e.term, env);
        if (v === NOT_DIRECT) return e.term;
        const holds = v !== undefined && v !== false;
        return e.negated ? !holds : holds;
      }
      case 'unify': {
        const { left, right } = e;
        const nl = this.needsUnify(left, env);
        const nr = this.needsUnify(right, env);
        if (!nl && !nr) {
          const a = this.direct(ctx, left, env);
          if (a === NOT_DIRECT) return left;
          if (a === undefined) return e.negated;
          const b = this.direct(ctx, right, env);
          if (b === NOT_DIRECT) return right;
          const holds = b !== undefined && equalValues(a, b);
          return e.negated ? !holds : holds;
        }
        if (e.negated) return NOT_DIRECT;
        // `x := <term>` / `<term> = x` with x unbound: bind it
        const [pattern, term] = nl && !nr && left.type === 'var' ? [left, right] : nr && !nl && right.type === 'var' ? [right, left] : [undefined, undefined];
        if (!pattern) return NOT_DIRECT;
        const v = this.direct(ctx, term, env);
        if (v === NOT_DIRECT) return term;
        if (v === undefined) return false;
        env.set(pattern.name, v);
        return pattern.name;
      }
      case 'some':
        return e.negated ? NOT_DIRECT : true;
      default:
        return NOT_DIRECT;
    }
  }

  evalExpr(ctx: EvalContext, e: Expr, env: Env, k: Cont, record?: (v: RegoValue) => void): Stop {
    const tracer = this.options.tracer;
    if (!tracer) return this.evalExprUntraced(ctx, e, env, k, record);
    const depth = this.depth;
    tracer.event({ op: 'eval', depth, expr: e, loc: e.loc });
    let solutions = 0;
    const r = this.evalExprUntraced(ctx, e, env, () => {
      if (solutions++ > 0) tracer.event({ op: 'redo', depth, expr: e, loc: e.loc });
      return k();
    }, record);
    if (solutions === 0) tracer.event({ op: 'fail', depth, expr: e, loc: e.loc });
    return r;
  }

  private evalExprUntraced(ctx: EvalContext, e: Expr, env: Env, k: Cont, record?: (v: RegoValue) => void): Stop {
    this.step(e.loc);
    return this.evalExprStepped(ctx, e, env, k, record);
  }

  /**
   * `evalExprUntraced` after its step was counted. `tried`: a term of `e` whose `direct` gave up (with the bindings
   * of `env`), evaluated by continuation straight away.
   */
  private evalExprStepped(ctx: EvalContext, e: Expr, env: Env, k: Cont, record?: (v: RegoValue) => void, tried?: Term): Stop {
    const inner = e.withs.length ? this.withContext(ctx, e, env) : ctx;
    if (inner === undefined) return;
    if (e.negated) {
      let found = false;
      this.evalExprCore(inner, e, env, () => {
        found = true;
        return true;
      }, undefined, tried);
      return found ? undefined : k();
    }
    return this.evalExprCore(inner, e, env, k, record, tried);
  }

  private evalExprCore(ctx: EvalContext, e: Expr, env: Env, k: Cont, record?: (v: RegoValue) => void, tried?: Term): Stop {
    switch (e.kind) {
      case 'term': {
        const f: ValueCont = (v) => {
          if (v === false) return;
          record?.(v);
          return k();
        };
        return tried === e.term ? this.evalTermIndirect(ctx, e.term, env, f) : this.evalTerm(ctx, e.term, env, f);
      }
      case 'unify':
        return this.unify(ctx, e.left, e.right, env, () => {
          record?.(true);
          return k();
        }, tried);
      case 'some':
        record?.(true);
        return k();
      case 'somein': {
        const done: Cont = record ? () => (record(true), k()) : k;
        return this.evalTerm(ctx, e.collection, env, (coll) => {
          const { key, value } = e;
          // `some v in xs` / `some k, v in xs` with fresh variables: bound in place (no continuation per element)
          if (value.type === 'var' && isFree(value, env) && (!key || (key.type === 'var' && isFree(key, env) && key.name !== value.name))) {
            const r = this.iterate(coll, (kv, v) => {
              env.set(value.name, v);
              if (key) env.set(key.name, kv);
              return done();
            });
            env.set(value.name, undefined);
            if (key) env.set(key.name, undefined);
            return r;
          }
          return this.iterate(coll, (kv, v) => this.unifyValue(ctx, value, v, env, () => (key ? this.unifyValue(ctx, key, kv, env, done) : done())));
        });
      }
      case 'every':
        return this.evalTerm(ctx, e.domain, env, (coll) => {
          if (!Array.isArray(coll) && !(coll instanceof RegoSet) && !(coll instanceof RegoObject)) return;
          let all = true;
          this.iterate(coll, (key, val) => {
            let ok = false;
            const check = (): Stop =>
              this.evalBody(ctx, e.body, 0, env, () => {
                ok = true;
                return true;
              });
            this.unifyValue(ctx, e.value, val, env, () => (e.key ? this.unifyValue(ctx, e.key, key, env, check) : check()));
            if (!ok) {
              all = false;
              return true;
            }
            return;
          });
          if (!all) return;
          record?.(true);
          return k();
        });
    }
  }

  /** Iterate a collection's (key, value) pairs: arrays by index, objects by key, sets by element. */
  iterate(coll: RegoValue, f: (key: RegoValue, value: RegoValue) => Stop): Stop {
    if (Array.isArray(coll)) {
      for (let i = 0; i < coll.length; i++) if (f(i, coll[i]!)) return true;
    } else if (coll instanceof RegoSet) {
      for (const v of coll) if (f(v, v)) return true;
    } else if (coll instanceof RegoObject) {
      for (const [key, v] of coll) if (f(key, v)) return true;
    }
    return;
  }

  // ------------------------------------------------------------------ with

  private withContext(ctx: EvalContext, e: Expr, env: Env): EvalContext | undefined {
    let input = ctx.input;
    const dataOverrides: DataOverride[] = [...ctx.dataOverrides];
    const fns = new Map<string, FunctionOverride>(ctx.functionOverrides);
    for (const w of e.withs) {
      const target = w.target;
      const head = target.type === 'var' ? target.name : target.type === 'ref' && target.head.type === 'var' ? target.head.name : '';
      const keys = target.type === 'ref' ? target.path.map((p) => (p.type === 'scalar' ? p.value : undefined)) : [];
      const dotted = [head, ...keys.map(String)].join('.');
      const fnName = this.functionName(w.value, env);
      if (head === 'input') {
        const value = this.firstValue(ctx, w.value, env);
        if (value === undefined) return undefined;
        input = setPath(input, keys as RegoValue[], value);
        continue;
      }
      const node = head === 'data' ? this.program.root.find(keys.map(String)) : undefined;
      if (head === 'data' && !(node && node.isFunction)) {
        const value = this.firstValue(ctx, w.value, env);
        if (value === undefined) return undefined;
        dataOverrides.push({ path: ['data', ...keys.map(String)], value });
        continue;
      }
      // function or builtin mock
      if (fnName !== undefined) fns.set(dotted, { kind: 'function', name: fnName });
      else {
        const value = this.firstValue(ctx, w.value, env);
        if (value === undefined) return undefined;
        fns.set(dotted, { kind: 'value', value });
      }
    }
    return new EvalContext(input, dataOverrides, fns);
  }

  /** If the term names a function (user function or builtin), its dotted name. */
  private functionName(t: Term, env: Env): string | undefined {
    let name: string | undefined;
    if (t.type === 'var' && env.get(t.name) === undefined) name = t.name;
    else if (t.type === 'ref' && t.head.type === 'var' && t.path.every((p) => p.type === 'scalar' && typeof p.value === 'string'))
      name = [t.head.name, ...t.path.map((p) => String((p as TermOf<'scalar'>).value))].join('.');
    if (name === undefined) return undefined;
    if (name.startsWith('data.')) return this.program.functions.has(name) ? name : undefined;
    if (name === 'input' || name === 'data') return undefined;
    return this.options.builtins.has(name) ? name : undefined;
  }

  firstValue(ctx: EvalContext, t: Term, env: Env): RegoValue | undefined {
    let out: RegoValue | undefined;
    this.evalTerm(ctx, t, env, (v) => {
      out = v;
      return true;
    });
    return out;
  }

  // ------------------------------------------------------------------ terms

  evalTerm(ctx: EvalContext, t: Term, env: Env, k: ValueCont): Stop {
    switch (t.type) {
      case 'scalar':
        return k(t.value);
      case 'var': {
        const v = env.get(t.name);
        if (v !== undefined) return k(v);
        if (t.name === 'input') return ctx.input === undefined ? undefined : k(ctx.input);
        if (t.name === 'data') return this.evalDataRef(ctx, [], env, k);
        throw new RegoError('eval_internal_error', `var ${t.name} is unbound`, t.loc);
      }
      case 'ref': {
        const v = this.directRef(ctx, t, env);
        if (v === NOT_DIRECT) return this.evalRef(ctx, t, env, k);
        return v === undefined ? undefined : k(v);
      }
      case 'array': {
        const c = constantOf(t);
        if (c !== undefined) return k(c);
        return this.evalList(ctx, t.items, env, k);
      }
      case 'set': {
        const c = constantOf(t);
        if (c !== undefined) return k(c);
        return this.evalList(ctx, t.items, env, (items) => k(new RegoSet(items)));
      }
      case 'object': {
        const c = constantOf(t);
        if (c !== undefined) return k(c);
        return this.evalObject(ctx, t.items, 0, new RegoObject(), env, k);
      }
      case 'call': {
        const v = this.directCall(ctx, t, env);
        if (v === NOT_DIRECT) return callTerm(this, ctx, t, env, k);
        return v === undefined ? undefined : k(v);
      }
      case 'arraycomp': {
        const out: RegoValue[] = [];
        this.evalBody(ctx, t.body, 0, env, this.eachValue(ctx, t.term, env, (v) => void out.push(v)));
        return k(out);
      }
      case 'setcomp': {
        const out = new RegoSet();
        this.evalBody(ctx, t.body, 0, env, this.eachValue(ctx, t.term, env, (v) => void out.add(v)));
        return k(out);
      }
      case 'objectcomp': {
        const out = new RegoObject();
        this.evalBody(ctx, t.body, 0, env, () =>
          this.evalTerm(ctx, t.key, env, (key) =>
            this.evalTerm(ctx, t.value, env, (v) => {
              const prev = out.get(key);
              if (prev !== undefined && !equals(prev, v))
                throw new RegoError('eval_conflict_error', 'object keys must be unique', t.loc);
              out.set(key, v);
            }),
          ),
        );
        return k(out);
      }
      case 'template':
        return this.evalTemplate(ctx, t, 0, '', env, k);
    }
  }

  /**
   * `evalTerm` for a term whose `direct` gave up with the bindings of `env`: by continuation, without trying the
   * one-value path of the term again (nested terms still try theirs).
   */
  private evalTermIndirect(ctx: EvalContext, t: Term, env: Env, k: ValueCont): Stop {
    switch (t.type) {
      case 'ref':
        return this.evalRef(ctx, t, env, k);
      case 'call':
        return callTerm(this, ctx, t, env, k);
      case 'array':
        return this.evalList(ctx, t.items, env, k);
      case 'set':
        return this.evalList(ctx, t.items, env, (items) => k(new RegoSet(items)));
      default:
        return this.evalTerm(ctx, t, env, k);
    }
  }

  /** A continuation that passes every value of `t` (at the time it is called) to `f`. */
  eachValue(ctx: EvalContext, t: Term, env: Env, f: ValueCont): Cont {
    return () => {
      const v = this.direct(ctx, t, env);
      if (v === NOT_DIRECT) return this.evalTermIndirect(ctx, t, env, f);
      return v === undefined ? undefined : f(v);
    };
  }

  private evalTemplate(ctx: EvalContext, t: TermOf<'template'>, i: number, acc: string, env: Env, k: ValueCont): Stop {
    if (i >= t.parts.length) return k(acc);
    const part = t.parts[i]!;
    if (typeof part === 'string') return this.evalTemplate(ctx, t, i + 1, acc + part, env, k);
    const values = new RegoSet();
    let first: RegoValue | undefined;
    this.evalTerm(ctx, part, env, (v) => {
      if (part.type === 'setcomp' && part.unwrap && v instanceof RegoSet) {
        for (const x of v) {
          if (first === undefined) first = x;
          values.add(x);
        }
        return;
      }
      if (first === undefined) first = v;
      values.add(v);
    });
    if (values.size > 1) throw new RegoError('eval_conflict_error', 'template expressions must not produce multiple outputs', part.loc);
    const text = first === undefined ? '<undefined>' : printText(first);
    return this.evalTemplate(ctx, t, i + 1, acc + text, env, k);
  }

  /** The values of `items`, one combination per solution (an item may enumerate). */
  evalList(ctx: EvalContext, items: Term[], env: Env, k: (items: RegoValue[]) => Stop): Stop {
    // Items with one value (see `direct`) are taken in a loop; from the first that may enumerate on, by continuation.
    const values = new Array<RegoValue>(items.length);
    for (let j = 0; j < items.length; j++) {
      const v = this.direct(ctx, items[j]!, env);
      if (v === NOT_DIRECT) return this.evalListFrom(ctx, items, j, values.slice(0, j), env, k);
      if (v === undefined) return;
      values[j] = v;
    }
    return k(values);
  }

  /** `evalList` from item `i` (its `direct` gave up) on; `acc` holds the values of the items before it. */
  private evalListFrom(ctx: EvalContext, items: Term[], i: number, acc: RegoValue[], env: Env, k: (items: RegoValue[]) => Stop): Stop {
    return this.evalTermIndirect(ctx, items[i]!, env, (v) => {
      acc.push(v);
      let pushed = 1;
      let r: Stop = undefined;
      for (let j = i + 1; ; j++) {
        if (j >= items.length) {
          r = k(acc.slice());
          break;
        }
        const x = this.direct(ctx, items[j]!, env);
        if (x === NOT_DIRECT) {
          r = this.evalListFrom(ctx, items, j, acc, env, k);
          break;
        }
        if (x === undefined) break;
        acc.push(x);
        pushed++;
      }
      while (pushed-- > 0) acc.pop();
      return r;
    });
  }

  // ------------------------------------------------------------------ terms with one value, without continuations

  /**
   * The value of a term that has at most one (a scalar, a bound variable, `input`, a ground literal, an array or set
   * literal of such terms, a reference whose keys are all such terms, a call `directCall` takes), `undefined` when that
   * term is undefined, or NOT_DIRECT for any other term (it may enumerate, call, or bind): the caller then evaluates it
   * by continuation (`evalTermIndirect`). Reading a value has no effect beyond the caches the continuation path fills
   * too (rule documents, converted input members), in the same order.
   */
  direct(ctx: EvalContext, t: Term, env: Env): RegoValue | undefined | typeof NOT_DIRECT {
    switch (t.type) {
      case 'scalar':
        return t.value;
      case 'var': {
        const v = env.get(t.name);
        if (v !== undefined) return v;
        return t.name === 'input' ? ctx.input : NOT_DIRECT;
      }
      case 'ref':
        return this.directRef(ctx, t, env);
      case 'array':
      case 'set': {
        const c = constantOf(t);
        if (c !== undefined) return c;
        // the items in `evalList`'s order
        const items = this.directItems(ctx, t.items, undefined, env);
        if (items === NOT_DIRECT || items === undefined || t.type === 'array') return items;
        return new RegoSet(items);
      }
      case 'object': {
        const c = constantOf(t);
        return c === undefined ? NOT_DIRECT : c;
      }
      case 'call':
        return this.directCall(ctx, t, env);
      default:
        return NOT_DIRECT;
    }
  }

  /**
   * A call with one value at most: a user function (its value is computed whole and memoised), a pure builtin or an
   * internal one that has a `value` form, whose arguments each have one value (evaluated in `callTerm`'s order).
   * Calls under `with` function mocks, traced calls and any other builtin go by continuation.
   */
  private directCall(ctx: EvalContext, t: TermOf<'call'>, env: Env): RegoValue | undefined | typeof NOT_DIRECT {
    if (ctx.functionOverrides.size !== 0 || this.options.tracer) return NOT_DIRECT;
    const target = this.callTarget(t);
    if (target === null) return NOT_DIRECT;
    const args = this.directItems(ctx, t.args, argOrder(t), env);
    if (args === NOT_DIRECT || args === undefined) return args;
    switch (target.kind) {
      case 'function':
        return target.node ? functionValue(this, ctx, target.node, args, t.loc) : undefined;
      case 'internal':
        return target.value(args);
      case 'pure':
        return pureValue(this, t.name, target.builtin, args, t);
    }
  }

  /**
   * The values of `items` when each has one (evaluated in `order` when given), as an array of their exact length (an
   * array filled by `push` keeps room for 16 more elements: most of what a call allocated); `undefined` if one is
   * undefined, NOT_DIRECT if one may enumerate.
   */
  private directItems(ctx: EvalContext, items: Term[], order: number[] | undefined, env: Env): RegoValue[] | undefined | typeof NOT_DIRECT {
    const n = items.length;
    const values = new Array<RegoValue>(n);
    for (let j = 0; j < n; j++) {
      const index = order ? order[j]! : j;
      const v = this.direct(ctx, items[index]!, env);
      if (v === NOT_DIRECT || v === undefined) return v;
      values[index] = v;
    }
    return values;
  }

  /** What a call term calls when no `with` mocks a function (see `callTerm` and `invoke`), resolved once per term. */
  private callTarget(t: TermOf<'call'>): CallTarget {
    let target = this.callTargets.get(t);
    if (target === undefined) {
      const builtins = this.options.builtins;
      const special = builtins.internal(t.name);
      if (special?.raw) target = null;
      else if (t.name.startsWith('data.')) target = { kind: 'function', node: functionNode(this.program, t.name) };
      else if (special?.call) target = special.value ? { kind: 'internal', value: special.value } : null;
      else {
        const builtin = builtins.pure(t.name);
        target = builtin ? { kind: 'pure', builtin } : null;
      }
      this.callTargets.set(t, target);
    }
    return target;
  }

  private directRef(ctx: EvalContext, t: TermOf<'ref'>, env: Env): RegoValue | undefined | typeof NOT_DIRECT {
    const head = t.head;
    let v: RegoValue | undefined | typeof NOT_DIRECT;
    if (head.type === 'var' && env.get(head.name) === undefined) {
      if (head.name === 'data') return this.directData(ctx, t.path, env);
      if (head.name !== 'input') return NOT_DIRECT;
      v = ctx.input;
    } else v = this.direct(ctx, head, env);
    if (v === NOT_DIRECT || v === undefined) return v;
    return this.directPath(ctx, v, t.path, 0, env, false);
  }

  /** `walk` for keys with one value each (NOT_DIRECT as soon as one may enumerate). */
  private directPath(ctx: EvalContext, value: RegoValue, path: Term[], i: number, env: Env, baseData: boolean): RegoValue | undefined | typeof NOT_DIRECT {
    let v = value;
    for (let j = i; j < path.length; j++) {
      const kv = this.direct(ctx, path[j]!, env);
      if (kv === NOT_DIRECT || kv === undefined) return kv;
      let next = lookup(v, kv);
      if (next === undefined && baseData && (typeof kv === 'number' || typeof kv === 'bigint') && v instanceof RegoObject) next = v.get(String(kv));
      if (next === undefined) return undefined;
      v = next;
    }
    return v;
  }

  /** `descend` for keys with one value each. */
  private directData(ctx: EvalContext, path: Term[], env: Env): RegoValue | undefined | typeof NOT_DIRECT {
    if (ctx.dataOverrides.length) return NOT_DIRECT;
    let node = this.program.root;
    for (let i = 0; ; i++) {
      if (node.rules.length || node.defaults.length || i >= path.length) {
        const v = materialize(this, ctx, node);
        return v === undefined ? undefined : this.directPath(ctx, v, path, i, env, false);
      }
      const kv0 = this.direct(ctx, path[i]!, env);
      if (kv0 === NOT_DIRECT || kv0 === undefined) return kv0;
      const kv = typeof kv0 === 'number' || typeof kv0 === 'bigint' ? String(kv0) : kv0;
      const child = typeof kv === 'string' ? node.children.get(kv) : undefined;
      if (child) {
        node = child;
        continue;
      }
      if (typeof kv !== 'string') return undefined;
      const base = this.baseAt(ctx, [...node.path, kv]);
      return base === undefined ? undefined : this.directPath(ctx, base, path, i + 1, env, true);
    }
  }

  private evalObject(ctx: EvalContext, items: Array<[Term, Term]>, i: number, acc: RegoObject, env: Env, k: ValueCont): Stop {
    if (i >= items.length) return k(new RegoObject(acc.entries()));
    const [kt, vt] = items[i]!;
    return this.evalTerm(ctx, kt, env, (key) =>
      this.evalTerm(ctx, vt, env, (v) => {
        const had = acc.get(key);
        acc.set(key, v);
        const r = this.evalObject(ctx, items, i + 1, acc, env, k);
        if (had === undefined) acc.delete(key);
        else acc.set(key, had);
        return r;
      }),
    );
  }

  // ------------------------------------------------------------------ refs

  evalRef(ctx: EvalContext, t: TermOf<'ref'>, env: Env, k: ValueCont): Stop {
    const head = t.head;
    if (head.type === 'var' && env.get(head.name) === undefined) {
      if (head.name === 'data') return this.evalDataRef(ctx, t.path, env, k);
      if (head.name === 'input') return ctx.input === undefined ? undefined : this.walk(ctx, ctx.input, t.path, 0, env, k);
    }
    return this.evalTerm(ctx, head, env, (v) => this.walk(ctx, v, t.path, 0, env, k));
  }

  /** Does the ref key need enumeration (unbound vars inside a var/array/object pattern)? */
  private needsIteration(key: Term, env: Env): boolean {
    switch (key.type) {
      case 'var':
        return env.get(key.name) === undefined && key.name !== 'input' && key.name !== 'data';
      case 'array':
        return key.items.some((x) => this.needsIteration(x, env));
      case 'object':
        return key.items.some(([, x]) => this.needsIteration(x, env));
      default:
        return false;
    }
  }

  /** Index `value` by `path[i..]`. In base data (`data`), number keys also find string keys, as in OPA. */
  walk(ctx: EvalContext, value: RegoValue, path: Term[], i: number, env: Env, k: ValueCont, baseData = false): Stop {
    if (i >= path.length) return k(value);
    const key = path[i]!;
    if (this.needsIteration(key, env)) {
      if (key.type === 'var') {
        // a fresh variable (`xs[i]`, `xs[_]`): bound in place (no continuation per element)
        const name = key.name;
        const r = this.iterate(value, (kv, v) => {
          env.set(name, kv);
          return this.walk(ctx, v, path, i + 1, env, k, baseData);
        });
        env.set(name, undefined);
        return r;
      }
      return this.iterate(value, (kv, v) => this.unifyValue(ctx, key, kv, env, () => this.walk(ctx, v, path, i + 1, env, k, baseData)));
    }
    const kd = this.direct(ctx, key, env);
    if (kd !== NOT_DIRECT) {
      if (kd === undefined) return;
      let v = lookup(value, kd);
      if (v === undefined && baseData && (typeof kd === 'number' || typeof kd === 'bigint') && value instanceof RegoObject) v = value.get(String(kd));
      return v === undefined ? undefined : this.walk(ctx, v, path, i + 1, env, k, baseData);
    }
    return this.evalTermIndirect(ctx, key, env, (kv) => {
      let v = lookup(value, kv);
      if (v === undefined && baseData && (typeof kv === 'number' || typeof kv === 'bigint') && value instanceof RegoObject) v = value.get(String(kv));
      return v === undefined ? undefined : this.walk(ctx, v, path, i + 1, env, k, baseData);
    });
  }

  /** data.<path>: descend the rule tree while keys are known; materialise virtual documents where needed. */
  evalDataRef(ctx: EvalContext, path: Term[], env: Env, k: ValueCont): Stop {
    return this.descend(ctx, this.program.root, path, 0, env, k);
  }

  private descend(ctx: EvalContext, node: RuleNode, path: Term[], i: number, env: Env, k: ValueCont): Stop {
    const cover = ctx.dataOverrides.length ? ctx.covering(node.path) : undefined;
    if (cover || node.rules.length || node.defaults.length || i >= path.length) {
      const v = cover ? lookupPath(cover.value, node.path.slice(cover.path.length)) : materialize(this, ctx, node);
      if (v === undefined) return;
      return this.walk(ctx, v, path, i, env, k);
    }
    const key = path[i]!;
    if (this.needsIteration(key, env)) {
      const v = materialize(this, ctx, node);
      return v === undefined ? undefined : this.walk(ctx, v, path, i, env, k);
    }
    return this.evalTerm(ctx, key, env, (kv0) => {
      // data keys are strings; numbers are converted like OPA does for data refs
      const kv = typeof kv0 === 'number' || typeof kv0 === 'bigint' ? String(kv0) : kv0;
      const child = typeof kv === 'string' ? node.children.get(kv) : undefined;
      if (child) return this.descend(ctx, child, path, i + 1, env, k);
      if (typeof kv !== 'string') return;
      const base = this.baseAt(ctx, [...node.path, kv]);
      return base === undefined ? undefined : this.walk(ctx, base, path, i + 1, env, k, true);
    });
  }

  /** Base document at an absolute path, with `with data...` overrides applied. */
  baseAt(ctx: EvalContext, path: readonly string[]): RegoValue | undefined {
    if (ctx.dataOverrides.length) {
      const cover = ctx.covering(path);
      if (cover) return lookupPath(cover.value, path.slice(cover.path.length));
    }
    let v: RegoValue | undefined = lookupPath(this.data, path.slice(1));
    if (ctx.dataOverrides.length) {
      for (const o of ctx.below(path)) v = setPath(v, o.path.slice(path.length), o.value);
    }
    return v;
  }

  // ------------------------------------------------------------------ unification

  private needsUnify(t: Term, env: Env): boolean {
    switch (t.type) {
      case 'var':
        return env.get(t.name) === undefined && t.name !== 'input' && t.name !== 'data';
      case 'array':
        return t.items.some((x) => this.needsUnify(x, env));
      case 'object':
        return t.items.some(([, x]) => this.needsUnify(x, env));
      default:
        return false;
    }
  }

  /** Unify two terms. `tried`: one of them whose `direct` already gave up with the bindings of `env`. */
  unify(ctx: EvalContext, a: Term, b: Term, env: Env, k: Cont, tried?: Term): Stop {
    const na = this.needsUnify(a, env);
    const nb = this.needsUnify(b, env);
    if (!na) {
      const va = a === tried ? NOT_DIRECT : this.direct(ctx, a, env);
      if (va !== NOT_DIRECT) return va === undefined ? undefined : this.unifyValue(ctx, b, va, env, k, tried);
      return this.evalTermIndirect(ctx, a, env, (x) => this.unifyValue(ctx, b, x, env, k));
    }
    if (!nb) {
      const vb = b === tried ? NOT_DIRECT : this.direct(ctx, b, env);
      if (vb !== NOT_DIRECT) return vb === undefined ? undefined : this.unifyValue(ctx, a, vb, env, k, tried);
      return this.evalTermIndirect(ctx, b, env, (x) => this.unifyValue(ctx, a, x, env, k));
    }
    if (a.type === 'array' && b.type === 'array') {
      if (a.items.length !== b.items.length) return;
      const rec = (i: number): Stop => (i >= a.items.length ? k() : this.unify(ctx, a.items[i]!, b.items[i]!, env, () => rec(i + 1)));
      return rec(0);
    }
    if (a.type === 'object' && b.type === 'object') {
      if (a.items.length !== b.items.length) return;
      // match keys (ground) pairwise
      const bKeys = new Map<string, Term>();
      for (const [kt, vt] of b.items) {
        const kv = this.firstValue(ctx, kt, env);
        if (kv === undefined) return;
        bKeys.set(valueKey(kv), vt);
      }
      const pairs: Array<[Term, Term]> = [];
      for (const [kt, vt] of a.items) {
        const kv = this.firstValue(ctx, kt, env);
        const other = kv === undefined ? undefined : bKeys.get(valueKey(kv));
        if (!other) return;
        pairs.push([vt, other]);
      }
      const rec = (i: number): Stop => (i >= pairs.length ? k() : this.unify(ctx, pairs[i]![0], pairs[i]![1], env, () => rec(i + 1)));
      return rec(0);
    }
    if (a.type === 'var' && b.type === 'var') throw new RegoError('rego_unsafe_var_error', `var ${a.name} is unsafe`, a.loc);
    return;
  }

  /** Unify a term (pattern) with a value. `tried`: as for `unify`. */
  unifyValue(ctx: EvalContext, t: Term, v: RegoValue, env: Env, k: Cont, tried?: Term): Stop {
    switch (t.type) {
      case 'var': {
        const bound = env.get(t.name);
        if (bound !== undefined) return equalValues(bound, v) ? k() : undefined;
        if (t.name === 'input' || t.name === 'data') return this.evalTerm(ctx, t, env, (x) => (equalValues(x, v) ? k() : undefined));
        env.set(t.name, v);
        const r = k();
        env.set(t.name, undefined);
        return r;
      }
      case 'array': {
        if (!Array.isArray(v) || v.length !== t.items.length) return;
        if (!this.needsUnify(t, env)) break;
        if (freeVars(t.items, env)) {
          // `[path, value] := ...` with fresh, distinct variables: bound in place
          const items = t.items as Array<TermOf<'var'>>;
          for (let i = 0; i < items.length; i++) env.set(items[i]!.name, v[i]!);
          const r = k();
          for (let i = 0; i < items.length; i++) env.set(items[i]!.name, undefined);
          return r;
        }
        const rec = (i: number): Stop => (i >= t.items.length ? k() : this.unifyValue(ctx, t.items[i]!, v[i]!, env, () => rec(i + 1)));
        return rec(0);
      }
      case 'object': {
        if (!(v instanceof RegoObject) || v.size !== t.items.length) return;
        if (!this.needsUnify(t, env)) break;
        const rec = (i: number): Stop => {
          if (i >= t.items.length) return k();
          const [kt, vt] = t.items[i]!;
          return this.evalTerm(ctx, kt, env, (key) => {
            const x = v.get(key);
            return x === undefined ? undefined : this.unifyValue(ctx, vt, x, env, () => rec(i + 1));
          });
        };
        return rec(0);
      }
      case 'scalar':
        return equalValues(t.value, v) ? k() : undefined;
      default:
        break;
    }
    const d = t === tried ? NOT_DIRECT : this.direct(ctx, t, env);
    if (d !== NOT_DIRECT) return d !== undefined && equalValues(d, v) ? k() : undefined;
    return this.evalTermIndirect(ctx, t, env, (x) => (equalValues(x, v) ? k() : undefined));
  }
}

/** A variable that unification would bind (not bound, not a root document). */
function isFree(t: TermOf<'var'>, env: Env): boolean {
  return env.get(t.name) === undefined && t.name !== 'input' && t.name !== 'data';
}

/** Are all `items` fresh variables (see `isFree`), no two the same? */
function freeVars(items: Term[], env: Env): boolean {
  for (let i = 0; i < items.length; i++) {
    const x = items[i]!;
    if (x.type !== 'var' || !isFree(x, env)) return false;
    for (let j = 0; j < i; j++) if ((items[j] as TermOf<'var'>).name === x.name) return false;
  }
  return true;
}

/** What a call term calls (`null`: it is evaluated by continuation only). */
type CallTarget =
  | { kind: 'function'; node: RuleNode | undefined }
  | { kind: 'internal'; value: (args: RegoValue[]) => RegoValue | undefined }
  | { kind: 'pure'; builtin: BuiltinDefinition }
  | null;

/** What `direct` returns for a term it cannot evaluate without a continuation. */
const NOT_DIRECT: unique symbol = Symbol('not direct');

const constants = new WeakMap<Term, RegoValue | null>();

/** The value of a ground composite literal (no vars, refs, calls or closures), computed once per term. */
export function constantOf(t: Term): RegoValue | undefined {
  const cached = constants.get(t);
  if (cached !== undefined) return cached === null ? undefined : cached;
  let v: RegoValue | undefined;
  switch (t.type) {
    case 'scalar':
      v = t.value;
      break;
    case 'array':
    case 'set': {
      const items: RegoValue[] = [];
      for (const i of t.items) {
        const x = constantOf(i);
        if (x === undefined) {
          constants.set(t, null);
          return undefined;
        }
        items.push(x);
      }
      v = t.type === 'array' ? items : new RegoSet(items);
      break;
    }
    case 'object': {
      const obj = new RegoObject();
      for (const [kt, vt] of t.items) {
        const kx = constantOf(kt);
        const vx = kx === undefined ? undefined : constantOf(vt);
        if (kx === undefined || vx === undefined) {
          constants.set(t, null);
          return undefined;
        }
        obj.set(kx, vx);
      }
      v = obj;
      break;
    }
    default:
      v = undefined;
  }
  constants.set(t, v === undefined ? null : v);
  return v;
}
