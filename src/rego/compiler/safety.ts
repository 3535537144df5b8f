/**
 * Safety analysis and body reordering (OPA's reorderBodyForSafety): every variable must be bound by some
 * expression before it is used as an input; expressions are scheduled greedily in source order, each as soon as
 * its inputs are bound. Unbindable variables are reported as `rego_unsafe_var_error: var x is unsafe`.
 */
import type { Body, Expr, Term } from '../syntax/ast.ts';
import { RegoError } from '../syntax/errors.ts';
import { forEachExprVar, forEachVar, ROOTS } from './terms.ts';
import { mapExpr, mapTerm } from '../syntax/visit.ts';

type Vars = Set<string>;

const isWildcard = (name: string): boolean => name.startsWith('$__');

export function displayName(name: string): string {
  if (isWildcard(name)) return '_';
  const i = name.indexOf('__');
  return i > 0 ? name.slice(0, i) : name;
}

interface Need {
  inputs: Vars;
  outputs: Vars;
}

function evalNeed(t: Term, outer: Vars, need: Need): void {
  switch (t.type) {
    case 'scalar':
      return;
    case 'var':
      if (!ROOTS.has(t.name)) need.inputs.add(t.name);
      return;
    case 'ref':
      if (t.head.type !== 'var' || !ROOTS.has(t.head.name)) evalNeed(t.head, outer, need);
      for (const p of t.path) {
        if (p.type === 'var' || p.type === 'array' || p.type === 'object') patternNeed(p, outer, need);
        else evalNeed(p, outer, need);
      }
      return;
    case 'array':
    case 'set':
      for (const i of t.items) evalNeed(i, outer, need);
      return;
    case 'object':
      for (const [k, v] of t.items) {
        evalNeed(k, outer, need);
        evalNeed(v, outer, need);
      }
      return;
    case 'call':
      for (const a of t.args) evalNeed(a, outer, need);
      return;
    case 'template':
      for (const p of t.parts) if (typeof p !== 'string') evalNeed(p, outer, need);
      return;
    default:
      // closures: their free variables that belong to the enclosing body are inputs
      forEachVar(t, (n) => {
        if (outer.has(n) && !ROOTS.has(n)) need.inputs.add(n);
      }, true);
  }
}

/** A term on one side of a unification: plain vars (also inside arrays/object values) can be bound. */
function patternNeed(t: Term, outer: Vars, need: Need): void {
  switch (t.type) {
    case 'var':
      if (!ROOTS.has(t.name)) need.outputs.add(t.name);
      return;
    case 'array':
      for (const i of t.items) patternNeed(i, outer, need);
      return;
    case 'object':
      for (const [k, v] of t.items) {
        evalNeed(k, outer, need);
        patternNeed(v, outer, need);
      }
      return;
    default:
      evalNeed(t, outer, need);
  }
}

function elementPairs(a: Term, b: Term): Array<[Term, Term]> | undefined {
  if (a.type === 'array' && b.type === 'array') {
    if (a.items.length !== b.items.length) return undefined;
    return a.items.map((x, i) => [x, b.items[i]!]);
  }
  if (a.type === 'object' && b.type === 'object' && a.items.length === b.items.length) {
    const keyOf = (t: Term): string | undefined => (t.type === 'scalar' ? JSON.stringify(String(t.value)) + typeof t.value : undefined);
    const bm = new Map<string, Term>();
    for (const [k, v] of b.items) {
      const key = keyOf(k);
      if (key === undefined) return undefined;
      bm.set(key, v);
    }
    const out: Array<[Term, Term]> = [];
    for (const [k, v] of a.items) {
      const key = keyOf(k);
      const other = key === undefined ? undefined : bm.get(key);
      if (!other) return undefined;
      out.push([v, other]);
    }
    return out;
  }
  return undefined;
}

/** A `with` value that is a bare function/builtin name (`with count as my_count`). */
function namesFunction(t: Term, bound: Vars): boolean {
  if (t.type === 'var') return !bound.has(t.name) && !ROOTS.has(t.name);
  return t.type === 'ref' && t.head.type === 'var' && !bound.has(t.head.name) && !ROOTS.has(t.head.name) && t.path.every((p) => p.type === 'scalar');
}

function subset(a: Vars, b: Vars): boolean {
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

function missingOf(need: Need, bound: Vars): { ok: false; missing: Vars } {
  const m = new Set<string>();
  for (const v of need.inputs) if (!bound.has(v) && !need.outputs.has(v)) m.add(v);
  if (m.size === 0) for (const v of need.inputs) if (!bound.has(v)) m.add(v);
  return { ok: false, missing: m };
}

function unifyNeed(pattern: Term, other: Term, base: Vars, outer: Vars): Need {
  const n: Need = { inputs: new Set(base), outputs: new Set() };
  patternNeed(pattern, outer, n);
  evalNeed(other, outer, n);
  return n;
}

function allBound(n: Need, bound: Vars): boolean {
  for (const v of n.inputs) if (!bound.has(v)) return false;
  return true;
}

/** Element-wise unification (`[x, 1] = [2, y]`): each pair either way, in order. */
function pairwiseNeed(pairs: Array<[Term, Term]>, e: Expr, base: Vars, bound: Vars, outer: Vars): Need | undefined {
  const acc = new Set(bound);
  const n: Need = { inputs: new Set(base), outputs: new Set() };
  if (!subset(n.inputs, acc)) return undefined;
  for (const [left, right] of pairs) {
    const sub: Expr = { kind: 'unify', left, right, assign: false, negated: false, withs: [], loc: e.loc };
    const r = analyze(sub, acc, outer);
    if (!r.ok) return undefined;
    for (const v of r.outputs) {
      acc.add(v);
      n.outputs.add(v);
    }
  }
  return n;
}

function everyInputs(e: Expr & { kind: 'every' }, outer: Vars, need: Need): void {
  const local = new Set<string>();
  if (e.key) forEachVar(e.key, (n) => local.add(n));
  forEachVar(e.value, (n) => local.add(n));
  for (const x of e.body)
    forEachExprVar(x, (n) => {
      if (outer.has(n) && !local.has(n) && !ROOTS.has(n)) need.inputs.add(n);
    }, true);
}

/** Could `e` run with `bound` vars bound? Returns the vars it binds, or the missing ones. */
function analyze(e: Expr, bound: Vars, outer: Vars): { ok: true; outputs: Vars } | { ok: false; missing: Vars } {
  const need: Need = { inputs: new Set(), outputs: new Set() };
  for (const w of e.withs) if (!namesFunction(w.value, bound)) evalNeed(w.value, outer, need);
  switch (e.kind) {
    case 'some':
      return { ok: true, outputs: new Set() };
    case 'term':
      evalNeed(e.term, outer, need);
      break;
    case 'somein':
      evalNeed(e.collection, outer, need);
      if (e.key) patternNeed(e.key, outer, need);
      patternNeed(e.value, outer, need);
      break;
    case 'every':
      evalNeed(e.domain, outer, need);
      everyInputs(e, outer, need);
      break;
    case 'unify': {
      const pairs = elementPairs(e.left, e.right);
      const pairwise = pairs ? pairwiseNeed(pairs, e, need.inputs, bound, outer) : undefined;
      const first = pairwise ?? unifyNeed(e.left, e.right, need.inputs, outer);
      const found = allBound(first, bound) ? first : (() => {
        const second = unifyNeed(e.right, e.left, need.inputs, outer);
        if (allBound(second, bound)) return second;
        if (pairwise) {
          const third = unifyNeed(e.left, e.right, need.inputs, outer);
          if (allBound(third, bound)) return third;
        }
        return undefined;
      })();
      if (found) return e.negated ? checkNegated(e, bound) : { ok: true, outputs: found.outputs };
      const report = unifyNeed(e.left, e.right, need.inputs, outer);
      return missingOf(report, bound);
    }
  }
  // a var used as an input and bound by a ref in the same expression (`x == xs[x]`): the ref is evaluated first
  for (const v of need.inputs) if (!bound.has(v) && !need.outputs.has(v)) return missingOf(need, bound);
  if (e.negated) return checkNegated(e, bound);
  return { ok: true, outputs: need.outputs };
}

/** Every variable of a negated expression must be bound before it (wildcards too: `not xs[_]` is unsafe, as in OPA). */
function checkNegated(e: Expr, bound: Vars): { ok: true; outputs: Vars } | { ok: false; missing: Vars } {
  const m = new Set<string>();
  forEachExprVar(e, (n) => {
    if (!ROOTS.has(n) && !bound.has(n)) m.add(n);
  }, false);
  return m.size ? { ok: false, missing: m } : { ok: true, outputs: new Set() };
}

export interface SafetyResult {
  body: Body;
  bound: Vars;
}

/**
 * Reorder `body` so every expression's inputs are bound first. `bound` holds the vars already bound (function
 * args, enclosing scope). `outerIn` holds variable names of enclosing bodies (closures refer to them).
 */
export function reorderBody(body: Body, bound: Vars, outerIn: Vars, errors: RegoError[], extraVars: Term[] = []): SafetyResult {
  // variables of this body that closures refer to; a variable only declared here (`some i`) and used only inside a
  // closure is the closure's own (OPA drops `some` declarations before the safety check)
  const outer = new Set(outerIn);
  for (const e of body) if (e.kind !== 'some') forEachExprVar(e, (n) => outer.add(n), false);
  for (const t of extraVars) forEachVar(t, (n) => outer.add(n), false);
  const b = new Set(bound);
  const remaining = [...body];
  const out: Body = [];
  while (remaining.length) {
    let progressed = false;
    for (let i = 0; i < remaining.length; i++) {
      const e = remaining[i]!;
      const r = analyze(e, b, outer);
      if (!r.ok) continue;
      remaining.splice(i, 1);
      out.push(fixClosures(e, b, outer, errors));
      for (const v of r.outputs) b.add(v);
      progressed = true;
      break;
    }
    if (!progressed) {
      // report the unsafe vars of the first stuck expression(s)
      const reported = new Set<string>();
      for (const e of remaining) {
        const r = analyze(e, b, outer);
        if (r.ok) continue;
        for (const v of r.missing) {
          if (reported.has(v)) continue;
          reported.add(v);
          errors.push(new RegoError('rego_unsafe_var_error', `var ${displayName(v)} is unsafe`, findVarLoc(e, v) ?? e.loc));
        }
      }
      out.push(...remaining);
      break;
    }
  }
  return { body: out, bound: b };
}

function findVarLoc(e: Expr, name: string): Term['loc'] | undefined {
  let loc: Term['loc'] | undefined;
  forEachExprVar(e, (n, t) => {
    if (n === name && !loc) loc = t.loc;
  }, true);
  return loc;
}

/** Reorder the bodies of the comprehensions and `every` nested in `e`, now that the vars bound before it are known. */
function fixClosures(e: Expr, bound: Vars, outer: Vars, errors: RegoError[]): Expr {
  return mapExpr(
    e,
    (t) => fixTerm(t, bound, outer, errors),
    (body) => {
      if (e.kind !== 'every') return body;
      const inner = new Set(bound);
      if (e.key) forEachVar(e.key, (n) => inner.add(n));
      forEachVar(e.value, (n) => inner.add(n));
      return reorderBody(body, inner, outer, errors).body;
    },
  );
}

export function fixTerm(t: Term, bound: Vars, outer: Vars, errors: RegoError[]): Term {
  if (t.type === 'arraycomp' || t.type === 'setcomp') {
    const r = reorderBody(t.body, bound, outer, errors, [t.term]);
    checkHead([t.term], r.bound, errors);
    return { ...t, body: r.body };
  }
  if (t.type === 'objectcomp') {
    const r = reorderBody(t.body, bound, outer, errors, [t.key, t.value]);
    checkHead([t.key, t.value], r.bound, errors);
    return { ...t, body: r.body };
  }
  return mapTerm(t, (x) => fixTerm(x, bound, outer, errors));
}

/** Head terms' vars must be bound by the body. */
export function checkHead(terms: Term[], bound: Vars, errors: RegoError[]): void {
  const seen = new Set<string>();
  for (const t of terms) {
    forEachVar(t, (n, v) => {
      if (ROOTS.has(n) || bound.has(n) || seen.has(n)) return;
      seen.add(n);
      errors.push(new RegoError('rego_unsafe_var_error', `var ${displayName(n)} is unsafe`, v.loc));
    }, false);
    // closures in heads are checked with the body's bindings
  }
}
