/**
 * OPA evaluates the operands of a negated expression before the negation: its compiler pulls nested calls out of
 * every expression (RewriteExprTerms: `not f(g(x))` → `__l = g(x); not f(__l)`) and then binds each ref operand to a
 * variable ahead of it (RewriteDynamicTerms: `not f(input.x)` → `__l = input.x; not f(__l)`), after rewriting `==` in
 * modules to `=` (RewriteEquals), whose ref operands stay in place. An operand that is undefined (or a nested call that
 * fails) therefore makes the whole body fail instead of making the negation succeed:
 *
 *     not f(input.missing)          undefined   (the ref is an operand of a call)
 *     not count(input.missing) == 0 undefined   (the nested call is evaluated first)
 *     not input.missing == 1        true        (a side of `==`/`=` is not pulled out, only its nested refs)
 *     not input.missing             true
 *
 * Outside negations the rewriting changes nothing, so only negated expressions are rewritten (in every body: rules,
 * comprehensions, `every`, queries). Runs after the safety check: every variable of a negated expression is bound, so
 * each pulled-out ref has at most one value.
 */
import type { Body, Expr, Term } from '../syntax/ast.ts';
import { isClosure, mapExpr, mapTerm } from '../syntax/visit.ts';
import { freshName } from './rewrite-vars.ts';

export interface NegationOptions {
  /** Modules compare with `==` as with `=` (OPA's RewriteEquals); queries do not. */
  equalIsUnify: boolean;
}

/** `body` with the operands of its negated expressions (also in nested bodies) evaluated ahead of them. */
export function hoistNegatedOperands(body: Body, options: NegationOptions): Body {
  const out: Body = [];
  for (const e of body) {
    const inner = mapExpr(e, (t) => inClosures(t, options), (b) => hoistNegatedOperands(b, options));
    if (inner.negated) out.push(...splitNegated(inner, options));
    else out.push(inner);
  }
  return out;
}

function inClosures(t: Term, options: NegationOptions): Term {
  if (isClosure(t)) return mapTerm(t, (x) => inClosures(x, options), (b) => hoistNegatedOperands(b, options));
  return mapTerm(t, (x) => inClosures(x, options));
}

function splitNegated(e: Expr, options: NegationOptions): Expr[] {
  if (e.kind !== 'term' && e.kind !== 'unify') return [e];
  const extras: Expr[] = [];
  const bind = (t: Term): Term => {
    const v: Term = { type: 'var', name: freshName('__local'), loc: t.loc };
    extras.push({ kind: 'unify', left: v, right: t, assign: false, negated: false, withs: e.withs, loc: t.loc });
    return v;
  };
  // nested calls first (their own operands included), innermost first
  const expand = (t: Term): Term => {
    if (t.type === 'call') return bind({ ...t, args: t.args.map(expand) });
    if (isClosure(t)) return t;
    return mapTerm(t, expand);
  };
  // then ref operands (a ref inside an array, set or object operand too), after the refs in their own path
  const one = (t: Term): Term => {
    if (t.type === 'ref') return bind({ ...t, path: t.path.map(one) });
    if (t.type === 'array' || t.type === 'set' || t.type === 'object') return mapTerm(t, one);
    return t;
  };
  // a side of a unification, or a term on its own: a ref stays (its path refs move), anything else as an operand
  const side = (t: Term): Term => (t.type === 'ref' ? { ...t, path: t.path.map(one) } : isClosure(t) ? t : one(t));
  let rewritten: Expr;
  if (e.kind === 'unify' && e.output && e.right.type === 'call') {
    // `f(x, out)`: a call whose operands are its arguments and its output
    const call = e.right;
    rewritten = { ...e, left: one(expand(e.left)), right: { ...call, args: call.args.map((a) => one(expand(a))) } };
  } else if (e.kind === 'unify') {
    const left = expand(e.left);
    const right = expand(e.right);
    rewritten = { ...e, left: side(left), right: side(right) };
  } else if (e.term.type === 'call') {
    const call = e.term;
    const args = call.args.map(expand);
    const unifies = options.equalIsUnify && call.name === 'equal' && args.length === 2;
    rewritten = { ...e, term: { ...call, args: args.map(unifies ? side : one) } };
  } else {
    rewritten = { ...e, term: side(expand(e.term)) };
  }
  return extras.length ? [...extras, rewritten] : [e];
}
