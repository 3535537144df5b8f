/**
 * Unused declarations, as OPA reports them: a variable declared with `some x` or as an `every` key/value and never used
 * is always an error (`declared var x unused`); in strict mode an unused `:=` assignment (`assigned var x unused`) and
 * an unused function argument are errors too. Wildcards (`_`) are never reported.
 */
import type { Body, Term } from '../syntax/ast.ts';
import { RegoError } from '../syntax/errors.ts';
import { forEachExprChild, walkTerm } from '../syntax/visit.ts';
import type { Declaration } from './rewrite-vars.ts';

/**
 * Reports unused `some`/`every` (and, in strict mode, `:=`) declarations; returns the unused function arguments (a rule's
 * else branches share its arguments, so the caller reports an argument only when no branch uses it).
 */
export function checkUnusedDeclarations(declarations: readonly Declaration[], args: readonly Term[], body: Body, head: readonly Term[], strict: boolean, errors: RegoError[]): Declaration[] {
  const uses = new Map<string, number>();
  // every term except the places that declare: `some` variables, `every` key/value, the left of `:=` (object keys
  // there are evaluated); comprehension bodies by the same rules
  const countTerm = (t: Term): void =>
    walkTerm(t, {
      term: (x) => {
        if (x.type === 'var') uses.set(x.name, (uses.get(x.name) ?? 0) + 1);
        if (x.type === 'arraycomp' || x.type === 'setcomp') countTerm(x.term);
        else if (x.type === 'objectcomp') (countTerm(x.key), countTerm(x.value));
        else return true;
        x.body.forEach(countExpr);
        return false;
      },
    });
  const countKeys = (t: Term): void => {
    if (t.type === 'object') for (const [k, v] of t.items) (countTerm(k), countKeys(v));
    else if (t.type === 'array') t.items.forEach(countKeys);
    else if (t.type !== 'var') countTerm(t);
  };
  const countExpr = (e: Body[number]): void => {
    if (e.kind === 'some') return;
    forEachExprChild(
      e,
      (t) => {
        if (e.kind === 'every' && (t === e.key || t === e.value)) return;
        if (e.kind === 'unify' && e.assign && t === e.left) countKeys(t);
        else countTerm(t);
      },
      (inner) => inner.forEach(countExpr),
    );
  };
  body.forEach(countExpr);
  head.forEach(countTerm);
  const argUses = new Map<string, number>();
  for (const a of args) walkTerm(a, { term: (x) => void (x.type === 'var' && argUses.set(x.name, (argUses.get(x.name) ?? 0) + 1)) });
  const reported = new Set<string>();
  const unusedArgs: Declaration[] = [];
  for (const d of declarations) {
    if (d.written === '_' || reported.has(d.name)) continue;
    const used = (uses.get(d.name) ?? 0) > 0 || (argUses.get(d.name) ?? 0) > 1;
    if (used) continue;
    reported.add(d.name);
    if (d.kind === 'some' || d.kind === 'every') errors.push(new RegoError('rego_compile_error', `declared var ${d.written} unused`, d.loc));
    else if (strict && d.kind === 'assign') errors.push(new RegoError('rego_compile_error', `assigned var ${d.written} unused`, d.loc));
    else if (d.kind === 'arg') unusedArgs.push(d);
  }
  return unusedArgs;
}

export function unusedArgumentError(d: Declaration): RegoError {
  return new RegoError('rego_compile_error', `unused argument ${d.written}. (hint: use _ (wildcard variable) instead)`, d.loc);
}
