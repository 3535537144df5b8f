/**
 * A small type checker for builtin calls (OPA's ast/check.go, reduced): argument types that are known at compile
 * time (literals, comprehensions, builtin results, variables assigned from them) must match the builtin's declared
 * operand types, else `rego_type_error: <name>: invalid argument(s)` with `have`/`want` lines like OPA's.
 * Unknown types (refs into input/data, function results) are `any` and always accepted.
 */
import type { RegoType } from '../builtins/define-builtin.ts';
import type { Body, Expr, Term } from '../syntax/ast.ts';
import { RegoError } from '../syntax/errors.ts';
import type { BuiltinSignature, BuiltinSignatures } from './signatures.ts';
import { forEachExprChild, walkTerm, type Visitor } from '../syntax/visit.ts';

const ANY: RegoType = { type: 'any' };
const BOOLEAN: RegoType = { type: 'boolean' };
const COMPARISONS = new Set(['equal', 'neq', 'lt', 'lte', 'gt', 'gte', 'internal.member_2', 'internal.member_3']);

type Types = Map<string, RegoType>;


export function typeText(t: RegoType): string {
  switch (t.type) {
    case 'any':
      return t.of?.length ? `any<${t.of.map(typeText).sort().join(', ')}>` : 'any';
    case 'array':
      return t.static ? `array<${t.static.map(typeText).join(', ')}>` : `array[${typeText(t.dynamic ?? ANY)}]`;
    case 'set':
      return `set[${typeText(t.of ?? ANY)}]`;
    case 'object':
      return t.dynamic ? `object[${typeText(t.dynamic.key)}: ${typeText(t.dynamic.value)}]` : 'object';
    case 'function':
      return 'function';
    default:
      return t.type;
  }
}

/** Could a value of type `have` be accepted where `want` is declared? (element types are not checked) */
function accepts(want: RegoType, have: RegoType): boolean {
  if (have.type === 'any') return true;
  if (want.type === 'any') return !want.of?.length || want.of.some((w) => accepts(w, have));
  return want.type === have.type;
}

function typeOf(t: Term, types: Types, declaration: (name: string) => BuiltinSignature | undefined): RegoType {
  switch (t.type) {
    case 'scalar': {
      const v = t.value;
      if (v === null) return { type: 'null' };
      if (typeof v === 'boolean') return BOOLEAN;
      if (typeof v === 'string') return { type: 'string' };
      return { type: 'number' };
    }
    case 'var':
      return types.get(t.name) ?? ANY;
    case 'array':
    case 'arraycomp':
      return { type: 'array', dynamic: ANY };
    case 'set':
    case 'setcomp':
      return t.type === 'setcomp' && t.unwrap ? ANY : { type: 'set', of: ANY };
    case 'object':
    case 'objectcomp':
      return { type: 'object', dynamic: { key: ANY, value: ANY } };
    case 'template':
      return { type: 'string' };
    case 'call': {
      if (COMPARISONS.has(t.name)) return BOOLEAN;
      const d = t.name.startsWith('data.') ? undefined : declaration(t.name);
      return d?.result ?? ANY;
    }
    default:
      return ANY;
  }
}

export function checkTypes(body: Body, head: Term[], builtins: BuiltinSignatures, errors: RegoError[]): void {
  const declaration = (name: string): BuiltinSignature | undefined => builtins.signature(name);
  const types: Types = new Map();
  const checkCall = (t: Extract<Term, { type: 'call' }>): void => {
    const d = t.name.startsWith('data.') ? undefined : declaration(t.name);
    if (!d) return;
    const have = t.args.map((a) => typeOf(a, types, declaration));
    const want = t.args.map((_, i) => d.args[i] ?? d.variadic ?? ANY);
    if (have.every((h, i) => accepts(want[i]!, h))) return;
    errors.push(
      new RegoError(
        'rego_type_error',
        `${t.name}: invalid argument(s)\n\thave: (${have.map(typeText).join(', ')})\n\twant: (${want.map(typeText).join(', ')})`,
        t.loc,
      ),
    );
  };
  // comprehensions are checked as bodies of their own (their variables' types do not leak out)
  const visitor: Visitor = {
    term: (t) => {
      if (t.type === 'arraycomp' || t.type === 'setcomp') checkTypes(t.body, [t.term], builtins, errors);
      else if (t.type === 'objectcomp') checkTypes(t.body, [t.key, t.value], builtins, errors);
      else if (t.type === 'call') {
        // arguments first, then the call
        for (const a of t.args) walkTerm(a, visitor);
        checkCall(t);
      } else return true;
      return false;
    },
  };
  const visitTerm = (t: Term): void => walkTerm(t, visitor);
  const visitExpr = (e: Expr): void => {
    if (e.kind === 'some') return;
    forEachExprChild(
      e,
      (t) => {
        // `some .. in` key/value are declarations, not uses
        if (e.kind !== 'somein' || t === e.collection) visitTerm(t);
      },
      (body) => checkTypes(body, [], builtins, errors),
    );
    // a variable assigned from a term of known type keeps that type
    if (e.kind === 'unify' && !e.negated && !e.withs.length) {
      if (e.left.type === 'var' && !types.has(e.left.name)) types.set(e.left.name, typeOf(e.right, types, declaration));
      else if (e.right.type === 'var' && !types.has(e.right.name) && !e.assign) types.set(e.right.name, typeOf(e.left, types, declaration));
    }
  };
  body.forEach(visitExpr);
  head.forEach(visitTerm);
}
