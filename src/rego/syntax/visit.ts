/**
 * The one place that knows which children each Rego syntax node has. Every walker over terms and expressions
 * (variable collection, call checks, recursion and type checks, closure rewriting, safety fixing) goes through
 * these functions instead of its own switch over node kinds.
 *
 * - `forEachChild(t)` / `forEachExprChild(e)`: the direct sub-terms and nested bodies of one node.
 * - `walkTerm` / `walkExpr` / `walkBody`: depth-first pre-order walk; a visitor returning `false` skips the children.
 * - `mapTerm` / `mapExpr`: rebuild a node with its children replaced (unchanged nodes are returned as they are).
 */
import type { Body, Expr, Term } from './ast.ts';

/** Is this a comprehension (a term with its own body)? */
export function isClosure(t: Term): t is Extract<Term, { type: 'arraycomp' | 'setcomp' | 'objectcomp' }> {
  return t.type === 'arraycomp' || t.type === 'setcomp' || t.type === 'objectcomp';
}

/**
 * Calls `onTerm` on each direct sub-term of `t` (call arguments, ref head and path, collection items, template parts,
 * comprehension heads) and `onBody` on the body of a comprehension. Scalars and vars have none.
 */
export function forEachChild(t: Term, onTerm: (t: Term) => void, onBody: (body: Body) => void = () => {}): void {
  switch (t.type) {
    case 'scalar':
    case 'var':
      return;
    case 'call':
      t.args.forEach(onTerm);
      return;
    case 'ref':
      onTerm(t.head);
      t.path.forEach(onTerm);
      return;
    case 'array':
    case 'set':
      t.items.forEach(onTerm);
      return;
    case 'object':
      for (const [k, v] of t.items) {
        onTerm(k);
        onTerm(v);
      }
      return;
    case 'template':
      for (const p of t.parts) if (typeof p !== 'string') onTerm(p);
      return;
    case 'arraycomp':
    case 'setcomp':
      onTerm(t.term);
      onBody(t.body);
      return;
    case 'objectcomp':
      onTerm(t.key);
      onTerm(t.value);
      onBody(t.body);
      return;
  }
}

export interface ExprChildOptions {
  /** Also visit `with` targets (default: only `with` values). */
  withTargets?: boolean;
}

/**
 * Calls `onTerm` on each direct term of an expression (the term, both sides of `=`/`:=`, `some` variables, `some ..
 * in` key/value/collection, `every` key/value/domain, `with` values) and `onBody` on an `every` body.
 */
export function forEachExprChild(e: Expr, onTerm: (t: Term) => void, onBody: (body: Body) => void = () => {}, options: ExprChildOptions = {}): void {
  switch (e.kind) {
    case 'term':
      onTerm(e.term);
      break;
    case 'unify':
      onTerm(e.left);
      onTerm(e.right);
      break;
    case 'some':
      e.vars.forEach(onTerm);
      break;
    case 'somein':
      if (e.key) onTerm(e.key);
      onTerm(e.value);
      onTerm(e.collection);
      break;
    case 'every':
      if (e.key) onTerm(e.key);
      onTerm(e.value);
      onTerm(e.domain);
      onBody(e.body);
      break;
  }
  for (const w of e.withs) {
    if (options.withTargets) onTerm(w.target);
    onTerm(w.value);
  }
}

export interface Visitor {
  /** Return `false` to skip the term's children. */
  term?(t: Term): boolean | void;
  /** Return `false` to skip the expression's children. */
  expr?(e: Expr): boolean | void;
  /** Visit `with` targets too. */
  withTargets?: boolean;
}

export function walkTerm(t: Term, visitor: Visitor): void {
  if (visitor.term?.(t) === false) return;
  forEachChild(t, (c) => walkTerm(c, visitor), (b) => walkBody(b, visitor));
}

export function walkExpr(e: Expr, visitor: Visitor): void {
  if (visitor.expr?.(e) === false) return;
  forEachExprChild(e, (c) => walkTerm(c, visitor), (b) => walkBody(b, visitor), { withTargets: visitor.withTargets ?? false });
}

export function walkBody(body: Body, visitor: Visitor): void {
  for (const e of body) walkExpr(e, visitor);
}

/** Does any sub-term (the term itself included) satisfy `test`? Stops at the first match. */
export function someTerm(t: Term, test: (t: Term) => boolean): boolean {
  let found = false;
  walkTerm(t, {
    term: (x) => {
      if (found) return false;
      if (test(x)) found = true;
      return !found;
    },
  });
  return found;
}

const sameItems = <T>(a: readonly T[], b: readonly T[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/** `t` with each direct sub-term replaced by `f(sub)` and each comprehension body by `g(body)`. */
export function mapTerm(t: Term, f: (t: Term) => Term, g: (body: Body) => Body = (b) => b): Term {
  switch (t.type) {
    case 'scalar':
    case 'var':
      return t;
    case 'call': {
      const args = t.args.map(f);
      return sameItems(args, t.args) ? t : { ...t, args };
    }
    case 'ref': {
      const head = f(t.head);
      const path = t.path.map(f);
      return head === t.head && sameItems(path, t.path) ? t : { ...t, head, path };
    }
    case 'array':
    case 'set': {
      const items = t.items.map(f);
      return sameItems(items, t.items) ? t : { ...t, items };
    }
    case 'object': {
      let changed = false;
      const items = t.items.map(([k, v]): [Term, Term] => {
        const nk = f(k);
        const nv = f(v);
        if (nk !== k || nv !== v) changed = true;
        return [nk, nv];
      });
      return changed ? { ...t, items } : t;
    }
    case 'template': {
      const parts = t.parts.map((p) => (typeof p === 'string' ? p : f(p)));
      return sameItems(parts, t.parts) ? t : { ...t, parts };
    }
    case 'arraycomp':
    case 'setcomp': {
      const term = f(t.term);
      const body = g(t.body);
      return term === t.term && body === t.body ? t : { ...t, term, body };
    }
    case 'objectcomp': {
      const key = f(t.key);
      const value = f(t.value);
      const body = g(t.body);
      return key === t.key && value === t.value && body === t.body ? t : { ...t, key, value, body };
    }
  }
}

/** `e` with each direct term replaced by `f(term)` (`with` values included, targets not) and an `every` body by `g`. */
export function mapExpr(e: Expr, f: (t: Term) => Term, g: (body: Body) => Body = (b) => b): Expr {
  let changed = false;
  const m = (t: Term): Term => {
    const r = f(t);
    if (r !== t) changed = true;
    return r;
  };
  const withs = e.withs.map((w) => {
    const value = m(w.value);
    return value === w.value ? w : { ...w, value };
  });
  let out: Expr;
  switch (e.kind) {
    case 'term':
      out = { ...e, withs, term: m(e.term) };
      break;
    case 'unify':
      out = { ...e, withs, left: m(e.left), right: m(e.right) };
      break;
    case 'some':
      out = { ...e, withs, vars: e.vars.map(m) };
      break;
    case 'somein': {
      const key = e.key ? m(e.key) : undefined;
      out = { ...e, withs, value: m(e.value), collection: m(e.collection), ...(key ? { key } : {}) };
      break;
    }
    case 'every': {
      const key = e.key ? m(e.key) : undefined;
      const body = g(e.body);
      if (body !== e.body) changed = true;
      out = { ...e, withs, value: m(e.value), domain: m(e.domain), body, ...(key ? { key } : {}) };
      break;
    }
  }
  return changed ? out : e;
}
