/** Small helpers over syntax-tree terms shared by the compiler passes. */
import type { Body, Expr, Term } from '../syntax/ast.ts';
import { forEachExprChild, isClosure, walkTerm } from '../syntax/visit.ts';

/** Calls `visit` for every var in a term, not descending into closures (comprehensions) unless asked. */
export function forEachVar(term: Term, visit: (name: string, term: Term) => void, intoClosures = false): void {
  walkTerm(term, {
    term: (t) => {
      if (t.type === 'var') visit(t.name, t);
      return intoClosures || !isClosure(t);
    },
  });
}

export function forEachBodyVar(body: Body, visit: (name: string, term: Term) => void): void {
  for (const e of body) forEachExprVar(e, visit, true);
}

/** Calls `visit` for every var of an expression (`with` values included), into closures and `every` bodies if asked. */
export function forEachExprVar(e: Expr, visit: (name: string, term: Term) => void, intoClosures: boolean): void {
  forEachExprChild(
    e,
    (t) => forEachVar(t, visit, intoClosures),
    (body) => {
      if (intoClosures) forEachBodyVar(body, visit);
    },
  );
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
