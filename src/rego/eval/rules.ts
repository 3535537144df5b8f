/**
 * Virtual documents: complete rules (with else chains and defaults), multi-value (set) rules, object/ref-head
 * rules and functions, merged with base data into the document at a rule-tree node. Cached per EvalContext.
 */
import type { CompiledRule, RuleNode } from '../compiler/rule-tree.ts';
import type { Term } from '../syntax/ast.ts';
import { RegoError } from '../syntax/errors.ts';
import { equals, RegoObject, RegoSet, setPath, type RegoValue } from '../value.ts';
import type { EvalContext } from './context.ts';
import type { Cont, Env, EvalMachine, Stop, ValueCont } from './types.ts';

function enter(ev: EvalMachine, r: CompiledRule | undefined): void {
  if (++ev.depth > ev.maxDepth) {
    ev.depth--;
    throw new RegoError('eval_cancel_error', `maximum rule evaluation depth exceeded (${ev.maxDepth})`, r?.source.loc);
  }
}

/** The document at `node`: its rules' value, or base data merged with the documents of child nodes. */
export function materialize(ev: EvalMachine, ctx: EvalContext, node: RuleNode): RegoValue | undefined {
  const cached = ctx.cache.get(node.id);
  if (cached !== undefined) return cached === null ? undefined : cached;
  if (ctx.inProgress.has(node.id)) {
    throw new RegoError('rego_recursion_error', `rule ${node.dottedPath} is recursive`, (node.rules[0] ?? node.defaults[0])?.source.loc);
  }
  ctx.inProgress.add(node.id);
  let value: RegoValue | undefined;
  try {
    value = compute(ev, ctx, node);
  } finally {
    ctx.inProgress.delete(node.id);
  }
  ctx.cache.set(node.id, value === undefined ? null : value);
  return value;
}

function compute(ev: EvalMachine, ctx: EvalContext, node: RuleNode): RegoValue | undefined {
  if (node.isFunction) return undefined;
  let value: RegoValue | undefined;
  if (node.rules.length || node.defaults.length) {
    value = evalRules(ev, ctx, node);
    if (value === undefined || !(value instanceof RegoObject) || node.children.size === 0) return patchOverrides(ctx, node, value);
  } else {
    value = ev.baseAt(ctx, node.path);
    if (value !== undefined && !(value instanceof RegoObject)) return value;
  }
  const obj = value instanceof RegoObject ? new RegoObject(value.entries()) : new RegoObject();
  structural.add(obj);
  for (const [key, child] of node.children) {
    if (child.isFunction) continue;
    const v = materialize(ev, ctx, child);
    if (v === undefined) continue;
    const prev = obj.get(key);
    // base documents win over virtual ones at conflicting leaves (OPA merges base first)
    obj.set(key, prev === undefined ? v : node.rules.length ? mergeVirtual(prev, v, child) : prev instanceof RegoObject && v instanceof RegoObject ? mergeObjects(prev, v) : prev);
  }
  return patchOverrides(ctx, node, obj);
}

function patchOverrides(ctx: EvalContext, node: RuleNode, value: RegoValue | undefined): RegoValue | undefined {
  if (!ctx.dataOverrides.length) return value;
  let v = value;
  for (const o of ctx.below(node.path)) v = setPath(v, o.path.slice(node.path.length), o.value);
  return v;
}

function mergeObjects(a: RegoObject, b: RegoObject): RegoObject {
  const out = new RegoObject(a.entries());
  for (const [k, v] of b) {
    const prev = out.get(k);
    out.set(k, prev === undefined ? v : prev instanceof RegoObject && v instanceof RegoObject ? mergeObjects(prev, v) : prev);
  }
  return out;
}

/** Objects built from rule-tree paths (as opposed to rule values, which cannot be merged into). */
const structural = new WeakSet<RegoObject>();

/** Merge two virtual documents produced by overlapping ref-head rules; differing leaves conflict. */
function mergeVirtual(a: RegoValue, b: RegoValue, node: RuleNode): RegoValue {
  if (a instanceof RegoObject && b instanceof RegoObject && structural.has(a) && structural.has(b)) {
    const out = new RegoObject(a.entries());
    structural.add(out);
    for (const [k, v] of b) {
      const prev = out.get(k);
      out.set(k, prev === undefined ? v : mergeVirtual(prev, v, node));
    }
    return out;
  }
  if (a instanceof RegoSet && b instanceof RegoSet) return new RegoSet([...a, ...b]);
  if (equals(a, b)) return a;
  throw new RegoError('eval_conflict_error', 'object keys must be unique', (node.rules[0] ?? node.defaults[0])?.source.loc);
}

function evalRules(ev: EvalMachine, ctx: EvalContext, node: RuleNode): RegoValue | undefined {
  const rules = node.rules;
  const first = rules[0] ?? node.defaults[0]!;
  if (first.keyTerms.length === 0 && first.kind === 'complete') {
    let result: RegoValue | undefined;
    for (const r of rules) {
      const v = evalChain(ev, ctx, r);
      if (v === undefined) continue;
      if (result !== undefined && !equals(result, v))
        throw new RegoError('eval_conflict_error', 'complete rules must not produce multiple outputs', r.source.loc);
      result = v;
    }
    if (result === undefined && node.defaults[0]) result = evalChain(ev, ctx, node.defaults[0]);
    return result;
  }
  if (first.keyTerms.length === 0 && first.kind === 'set') {
    const out = new RegoSet();
    const add = (v: RegoValue): Stop => void out.add(v);
    for (const r of rules) {
      const env: Env = new Map();
      runBody(ev, ctx, r, env, ev.eachValue(ctx, r.element!, env, add));
    }
    return out;
  }
  // object / ref-head rules: insert each solution at its key path
  const out = new RegoObject();
  structural.add(out);
  for (const r of rules) {
    const env: Env = new Map();
    runBody(ev, ctx, r, env, () =>
      ev.evalList(ctx, r.keyTerms, env, (keys) => {
        if (r.kind === 'set') return ev.eachValue(ctx, r.element!, env, (v) => void insert(out, keys, v, true, r))();
        return ev.eachValue(ctx, r.value!, env, (v) => void insert(out, keys, v, false, r))();
      }),
    );
  }
  // ref-head rules with a single variable key and an else chain are evaluated per rule above; defaults do not apply
  return out;
}

function insert(obj: RegoObject, keys: RegoValue[], v: RegoValue, isSet: boolean, r: CompiledRule): void {
  let cur = obj;
  for (let i = 0; i < keys.length - 1; i++) {
    const k = keys[i]!;
    let next = cur.get(k);
    if (next === undefined) {
      next = new RegoObject();
      structural.add(next);
      cur.set(k, next);
    } else if (!(next instanceof RegoObject)) {
      throw new RegoError('eval_conflict_error', 'object keys must be unique', r.source.loc);
    }
    cur = next;
  }
  const last = keys[keys.length - 1]!;
  const prev = cur.get(last);
  if (isSet) {
    if (prev === undefined) cur.set(last, new RegoSet([v]));
    else if (prev instanceof RegoSet) prev.add(v);
    else throw new RegoError('eval_conflict_error', 'object keys must be unique', r.source.loc);
    return;
  }
  if (prev !== undefined && !equals(prev, v)) throw new RegoError('eval_conflict_error', 'object keys must be unique', r.source.loc);
  cur.set(last, v);
}

/** Trace the entry into a rule body, and its exit each time the body succeeds (when a tracer is set). */
function traced(ev: EvalMachine, r: CompiledRule, k: Cont): Cont {
  const tracer = ev.options.tracer;
  if (!tracer) return k;
  const depth = ev.depth;
  tracer.event({ op: 'enter', depth, rule: r, loc: r.source.loc });
  return () => {
    tracer.event({ op: 'exit', depth, rule: r, loc: r.source.loc });
    return k();
  };
}

function runBody(ev: EvalMachine, ctx: EvalContext, r: CompiledRule, env: Env, k: Cont): Stop {
  enter(ev, r);
  ev.ruleStack.push(r);
  try {
    return ev.evalBody(ctx, r.body, 0, env, traced(ev, r, k));
  } finally {
    ev.ruleStack.pop();
    ev.depth--;
  }
}

/** A complete rule with its else chain: the first rule in the chain with a defined value. */
function evalChain(ev: EvalMachine, ctx: EvalContext, rule: CompiledRule): RegoValue | undefined {
  for (let r: CompiledRule | undefined = rule; r; r = r.elseRule) {
    let result: RegoValue | undefined;
    const cur = r;
    const env: Env = new Map();
    runBody(ev, ctx, cur, env, ev.eachValue(ctx, cur.value!, env, (v) => {
      if (result !== undefined && !equals(result, v))
        throw new RegoError('eval_conflict_error', 'complete rules must not produce multiple outputs', cur.source.loc);
      result = v;
    }));
    if (result !== undefined) return result;
  }
  return undefined;
}

/** Call the user function at `node` with argument values. */
export function callFunction(ev: EvalMachine, ctx: EvalContext, node: RuleNode, args: RegoValue[], k: ValueCont, loc: CompiledRule['source']['loc']): Stop {
  const value = functionValue(ev, ctx, node, args, loc);
  return value === undefined ? undefined : k(value);
}

/** The value of a call of the user function at `node` with argument values (a function has at most one), or undefined. */
export function functionValue(ev: EvalMachine, ctx: EvalContext, node: RuleNode, args: RegoValue[], loc: CompiledRule['source']['loc']): RegoValue | undefined {
  // A traced evaluation (explain, coverage) sees every call; otherwise a call already made in this scope is answered
  // from the cache (OPA memoises function results per query too, so a `print` in a function body runs once per
  // distinct call there as well).
  if (ev.options.tracer) return evalCall(ev, ctx, node, args, loc);
  const level = callLevel(ctx, node.id, args[0]);
  if (args.length <= 1) {
    const key = args.length === 0 ? NO_ARGS : args[0];
    const cached = level.get(key) as RegoValue | typeof UNDEFINED | undefined;
    if (cached !== undefined) return cached === UNDEFINED ? undefined : (cached as RegoValue);
    const value = evalCall(ev, ctx, node, args, loc);
    level.set(key, value === undefined ? UNDEFINED : value);
    return value;
  }
  const calls = level.get(args[0]) as unknown[] | Map<unknown, unknown> | undefined;
  const cached = calls === undefined ? undefined : Array.isArray(calls) ? flatCall(calls, args) : nestedCall(calls, args);
  if (cached !== undefined) return cached === UNDEFINED ? undefined : (cached as RegoValue);
  const value = evalCall(ev, ctx, node, args, loc);
  addCall(level, args, value === undefined ? UNDEFINED : value);
  return value;
}

/** The calls of a function by first argument (see `EvalContext.calls`): a Map, or a WeakMap for a composite one. */
interface CallLevel {
  get(key: unknown): unknown;
  set(key: unknown, value: unknown): unknown;
}

function callLevel(ctx: EvalContext, id: number, first: RegoValue | undefined): CallLevel {
  if (first !== null && typeof first === 'object') {
    let level = ctx.objectCalls.get(id);
    if (!level) {
      level = new WeakMap();
      ctx.objectCalls.set(id, level);
    }
    return level as CallLevel;
  }
  let level = ctx.calls.get(id);
  if (!level) {
    level = new Map();
    ctx.calls.set(id, level);
  }
  return level;
}

/*
 * The calls of a function of several parameters that share a first argument: a flat list of each call's other
 * arguments and result, searched in order, or (past FLAT_CALLS calls) Maps argument by argument (a scalar by value, a
 * composite by identity, as Map keys compare). A library function is mostly called with one or two argument lists per
 * first argument (e.g. `set(rc, key)` per resource change): a Map per first argument, ~180 bytes even with one entry,
 * was most of a scan's call cache; the list is allocated at its exact size.
 */
const FLAT_CALLS = 8;

function flatCall(flat: readonly unknown[], args: readonly RegoValue[]): unknown {
  const width = args.length;
  next: for (let i = 0; i < flat.length; i += width) {
    for (let j = 1; j < width; j++) {
      const a = flat[i + j - 1];
      const b = args[j];
      if (a !== b && (a === a || b === b)) continue next;
    }
    return flat[i + width - 1];
  }
  return undefined;
}

function nestedCall(map: Map<unknown, unknown>, args: readonly RegoValue[]): unknown {
  let level: unknown = map;
  for (let i = 1; i < args.length && level !== undefined; i++) level = (level as Map<unknown, unknown>).get(args[i]);
  return level;
}

function addCall(level: CallLevel, args: readonly RegoValue[], result: unknown): void {
  const width = args.length;
  const calls = level.get(args[0]) as unknown[] | Map<unknown, unknown> | undefined;
  if (calls === undefined || (Array.isArray(calls) && calls.length < FLAT_CALLS * width)) {
    const old = calls ?? [];
    const flat = new Array<unknown>(old.length + width);
    for (let i = 0; i < old.length; i++) flat[i] = old[i];
    for (let j = 1; j < width; j++) flat[old.length + j - 1] = args[j];
    flat[old.length + width - 1] = result;
    level.set(args[0], flat);
    return;
  }
  let map: Map<unknown, unknown>;
  if (Array.isArray(calls)) {
    map = new Map();
    for (let i = 0; i < calls.length; i += width) addNested(map, calls.slice(i, i + width - 1), calls[i + width - 1]);
    level.set(args[0], map);
  } else map = calls;
  addNested(map, args.slice(1), result);
}

/** Adds a call by its arguments after the first (`rest`) to nested Maps. */
function addNested(map: Map<unknown, unknown>, rest: readonly unknown[], result: unknown): void {
  let level = map;
  for (let i = 0; i < rest.length - 1; i++) {
    let next = level.get(rest[i]) as Map<unknown, unknown> | undefined;
    if (!next) {
      next = new Map();
      level.set(rest[i], next);
    }
    level = next;
  }
  level.set(rest[rest.length - 1], result);
}

/** Cache keys: the key of a call without arguments, and the cached result of a call that was undefined. */
const NO_ARGS = Symbol('no arguments');
const UNDEFINED = Symbol('undefined');

/** The value of one call of the function at `node` (its rules, else chains and default), or undefined. */
function evalCall(ev: EvalMachine, ctx: EvalContext, node: RuleNode, args: RegoValue[], loc: CompiledRule['source']['loc']): RegoValue | undefined {
  const call: CallState = { result: undefined };
  for (const rule of node.rules) {
    for (let r: CompiledRule | undefined = rule; r; r = r.elseRule) if (tryRule(ev, ctx, r, args, call, loc)) break;
  }
  if (call.result === undefined && node.defaults[0]) tryRule(ev, ctx, node.defaults[0], args, call, loc);
  return call.result;
}

/** The value one function call has found so far (its rules must agree). */
interface CallState {
  result: RegoValue | undefined;
}

/** Evaluate one rule of a function with the call's arguments; true if it gave a value. */
function tryRule(ev: EvalMachine, ctx: EvalContext, r: CompiledRule, args: RegoValue[], call: CallState, loc: CompiledRule['source']['loc']): boolean {
  const fargs = r.args ?? [];
  if (fargs.length !== args.length) return false;
  let found = false;
  const env = ev.ruleEnv(r);
  const onValue = (v: RegoValue): Stop => {
    found = true;
    if (call.result !== undefined && !equals(call.result, v))
      throw new RegoError('eval_conflict_error', 'functions must not produce multiple outputs for same inputs', r.source.loc ?? loc);
    call.result = v;
  };
  const body = (): Stop => ev.evalBody(ctx, r.body, 0, env, traced(ev, r, ev.eachValue(ctx, r.value!, env, onValue)));
  enter(ev, r);
  ev.ruleStack.push(r);
  try {
    bindArgs(ev, ctx, fargs, args, 0, env, body);
  } finally {
    ev.ruleStack.pop();
    ev.depth--;
    ev.releaseEnv(r, env);
  }
  return found;
}

/**
 * Unify the rule's parameters with the argument values from `i` on, then continue. A parameter that is a fresh variable
 * (the common case) is bound in place: the environment is the call's own, so the binding needs no undoing.
 */
function bindArgs(ev: EvalMachine, ctx: EvalContext, fargs: readonly Term[], args: RegoValue[], i: number, env: Env, k: Cont): Stop {
  for (; i < fargs.length; i++) {
    const f = fargs[i]!;
    if (f.type === 'var' && f.name !== 'input' && f.name !== 'data' && env.get(f.name) === undefined) {
      env.set(f.name, args[i]!);
      continue;
    }
    const next = i + 1;
    return ev.unifyValue(ctx, f, args[i]!, env, () => bindArgs(ev, ctx, fargs, args, next, env, k));
  }
  return k();
}
