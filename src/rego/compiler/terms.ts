/** Small helpers over syntax-tree terms shared by the compiler passes. */
import type { Body, Expr, Term } from '../syntax/ast.ts';

/** Calls `visit` for every var in a term, not descending into closures (comprehensions) unless asked. */
export function forEachVar(term: Term, visit: (name: string, term: Term) => void, intoClosures = false): void {
  switch (term.type) {
    case 'scalar':
      return;
    case 'var':
      visit(term.name, term);
      return;
    case 'ref':
      forEachVar(term.head, visit, intoClosures);
      for (const p of term.path) forEachVar(p, visit, intoClosures);
      return;
    case 'array':
    case 'set':
      for (const t of term.items) forEachVar(t, visit, intoClosures);
      return;
    case 'object':
      for (const [k, v] of term.items) {
        forEachVar(k, visit, intoClosures);
        forEachVar(v, visit, intoClosures);
      }
      return;
    case 'call':
      for (const a of term.args) forEachVar(a, visit, intoClosures);
      return;
    case 'template':
      for (const p of term.parts) if (typeof p !== 'string') forEachVar(p, visit, intoClosures);
      return;
    case 'arraycomp':
    case 'setcomp':
      if (intoClosures) {
        forEachVar(term.term, visit, true);
        forEachBodyVar(term.body, visit);
      }
      return;
    case 'objectcomp':
      if (intoClosures) {
        forEachVar(term.key, visit, true);
        forEachVar(term.value, visit, true);
        forEachBodyVar(term.body, visit);
      }
      return;
  }
}

/**
 * Calls `visit` on each direct sub-term of `t` (call arguments, ref head and path, collection items, template
 * parts, comprehension heads) and `visitExpr` on each expression of a comprehension body. Scalars and vars have none.
 */
export function forEachChildTerm(t: Term, visit: (t: Term) => void, visitExpr: (e: Expr) => void): void {
  switch (t.type) {
    case 'call':
      t.args.forEach(visit);
      return;
    case 'ref':
      visit(t.head);
      t.path.forEach(visit);
      return;
    case 'array':
    case 'set':
      t.items.forEach(visit);
      return;
    case 'object':
      for (const [k, v] of t.items) {
        visit(k);
        visit(v);
      }
      return;
    case 'template':
      for (const p of t.parts) if (typeof p !== 'string') visit(p);
      return;
    case 'arraycomp':
    case 'setcomp':
      visit(t.term);
      t.body.forEach(visitExpr);
      return;
    case 'objectcomp':
      visit(t.key);
      visit(t.value);
      t.body.forEach(visitExpr);
      return;
    default:
      return;
  }
}

export function forEachBodyVar(body: Body, visit: (name: string, term: Term) => void): void {
  for (const e of body) forEachExprVar(e, visit, true);
}

export function forEachExprVar(e: Expr, visit: (name: string, term: Term) => void, intoClosures: boolean): void {
  switch (e.kind) {
    case 'term':
      forEachVar(e.term, visit, intoClosures);
      break;
    case 'unify':
      forEachVar(e.left, visit, intoClosures);
      forEachVar(e.right, visit, intoClosures);
      break;
    case 'some':
      for (const v of e.vars) forEachVar(v, visit, intoClosures);
      break;
    case 'somein':
      if (e.key) forEachVar(e.key, visit, intoClosures);
      forEachVar(e.value, visit, intoClosures);
      forEachVar(e.collection, visit, intoClosures);
      break;
    case 'every':
      if (e.key) forEachVar(e.key, visit, intoClosures);
      forEachVar(e.value, visit, intoClosures);
      forEachVar(e.domain, visit, intoClosures);
      if (intoClosures) forEachBodyVar(e.body, visit);
      break;
  }
  for (const w of e.withs) forEachVar(w.value, visit, intoClosures);
}

export function varsOf(term: Term, intoClosures = false): Set<string> {
  const out = new Set<string>();
  forEachVar(term, (n) => out.add(n), intoClosures);
  return out;
}

export const ROOTS = new Set(['data', 'input']);

/** Is this term a ref rooted at `data` / `input` (or the bare root var)? */
export function rootOf(term: Term): string | undefined {
  if (term.type === 'var' && ROOTS.has(term.name)) return term.name;
  if (term.type === 'ref' && term.head.type === 'var' && ROOTS.has(term.head.name)) return term.head.name;
  return undefined;
}

/** Leading string keys of a data ref: data.a.b[x] -> ['a','b']. */
export function groundPrefix(term: Term): string[] {
  if (term.type !== 'ref') return [];
  const out: string[] = [];
  for (const p of term.path) {
    if (p.type !== 'scalar' || typeof p.value !== 'string') break;
    out.push(p.value);
  }
  return out;
}
