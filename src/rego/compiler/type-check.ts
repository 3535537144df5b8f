/**
 * The type checker (OPA's ast/check.go, reduced to what can be known for certain at compile time):
 *  - builtin calls: argument types that are known (literals, comprehensions, builtin results, rule values, variables
 *    assigned from them) must match the declared operand types, else `<name>: invalid argument(s)` with OPA's
 *    `have`/`want` lines;
 *  - refs: a constant key that cannot select anything from a value of known type (a key the object literal does not
 *    have, an index past a literal array, any key of a number/string/boolean/null) is `undefined ref`, with OPA's
 *    caret and `have`/`want` lines. Rule values are typed from their definitions (all of them, defaults and else
 *    included), user function results likewise.
 * Unknown types (input, base data, iteration) are `any` and accepted everywhere.
 */
import type { RegoType } from '../builtins/define-builtin.ts';
import type { Body, Expr, Term, TermOf } from '../syntax/ast.ts';
import { RegoError } from '../syntax/errors.ts';
import type { BuiltinSignatures } from './signatures.ts';
import { forEachExprChild, walkTerm, type Visitor } from '../syntax/visit.ts';
import { displayName } from './safety.ts';

const ANY: RegoType = { type: 'any' };
const BOOLEAN: RegoType = { type: 'boolean' };
const COMPARISONS = new Set(['equal', 'neq', 'lt', 'lte', 'gt', 'gte', 'internal.member_2', 'internal.member_3']);

type Types = Map<string, RegoType>;

/** Types of the documents rules define (`data.pkg.rule`) and of user function results. */
export interface RuleTypes {
  /** Type of the value at `data.<path>` when rules define it entirely; undefined when unknown. */
  documentType(path: readonly string[]): { type: RegoType; length: number } | undefined;
  functionResult(name: string): RegoType | undefined;
  /** A user function's parameter types (inferred from its bodies) and result type. */
  functionType(name: string): { args: RegoType[]; result: RegoType } | undefined;
}

export interface TypeCheckOptions {
  /** Modules compare with `==` as with `=` (OPA's RewriteEquals runs before its type check); queries do not. */
  equalIsUnify?: boolean;
}

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

/** The top-level kinds a type allows (`any` allows every kind). */
function kinds(t: RegoType): Set<string> | undefined {
  if (t.type === 'any') {
    if (!t.of?.length) return undefined;
    const out = new Set<string>();
    for (const m of t.of) {
      const k = kinds(m);
      if (!k) return undefined;
      for (const x of k) out.add(x);
    }
    return out;
  }
  return new Set([t.type]);
}

/** Can no value have both types? (only top-level kinds are compared) */
function disjoint(a: RegoType, b: RegoType): boolean {
  const ka = kinds(a);
  const kb = kinds(b);
  if (!ka || !kb) return false;
  for (const k of ka) if (kb.has(k)) return a.type === 'array' && b.type === 'array' ? arraysDisjoint(a, b) : false;
  return true;
}

/** Arrays of known lengths differ in length or in an element's type. */
function arraysDisjoint(a: Extract<RegoType, { type: 'array' }>, b: Extract<RegoType, { type: 'array' }>): boolean {
  if (!a.static || !b.static || a.dynamic || b.dynamic) return false;
  if (a.static.length !== b.static.length) return true;
  return a.static.some((t, i) => disjoint(t, b.static![i]!));
}

/** Could a value of type `have` be accepted where `want` is declared? (element types are not checked) */
function accepts(want: RegoType, have: RegoType): boolean {
  if (have.type === 'any') return !have.of?.length || have.of.some((h) => accepts(want, h));
  if (want.type === 'any') return !want.of?.length || want.of.some((w) => accepts(w, have));
  return want.type === have.type;
}

/** The union of types (`any<...>`); a plain `any` absorbs everything. */
export function unionType(types: readonly RegoType[]): RegoType {
  const members: RegoType[] = [];
  for (const t of types) {
    if (t.type === 'any' && !t.of?.length) return ANY;
    for (const m of t.type === 'any' ? t.of! : [t]) if (!members.some((x) => typeText(x) === typeText(m) && sameType(x, m))) members.push(m);
  }
  if (members.length === 0) return ANY;
  return members.length === 1 ? members[0]! : { type: 'any', of: members };
}

function sameType(a: RegoType, b: RegoType): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The type of `t[key]` for a constant key, or undefined when nothing can be selected. */
function select(t: RegoType, key: unknown): RegoType | undefined {
  switch (t.type) {
    case 'any': {
      if (!t.of?.length) return ANY;
      const found = t.of.map((m) => select(m, key)).filter((x): x is RegoType => x !== undefined);
      return found.length ? unionType(found) : undefined;
    }
    case 'object': {
      if (typeof key === 'string') {
        const s = t.static?.find((e) => e.key === key);
        if (s) return s.value;
      }
      return t.dynamic ? t.dynamic.value : undefined;
    }
    case 'array': {
      if (typeof key !== 'number' && typeof key !== 'bigint') return undefined;
      const i = Number(key);
      if (Number.isInteger(i) && i >= 0 && t.static && i < t.static.length) return t.static[i];
      return t.dynamic;
    }
    case 'set':
      return t.of ?? ANY;
    default:
      return undefined;
  }
}

/** The keys an object type can have (for `want (one of)`), sorted. */
function objectKeys(t: RegoType): string[] | undefined {
  if (t.type === 'object') return t.dynamic ? undefined : (t.static ?? []).map((e) => e.key);
  if (t.type === 'any' && t.of?.length) {
    const keys = new Set<string>();
    for (const m of t.of) {
      const k = objectKeys(m);
      if (!k) return undefined;
      for (const x of k) keys.add(x);
    }
    return [...keys];
  }
  return undefined;
}

function scalarType(v: unknown): RegoType {
  if (v === null) return { type: 'null' };
  if (typeof v === 'boolean') return BOOLEAN;
  if (typeof v === 'string') return { type: 'string' };
  return { type: 'number' };
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A ref as OPA prints it: `data.pkg.o.missing`, `x["a-b"]`, `arr[5]`. */
function refText(head: Term, path: readonly Term[]): string {
  let out = head.type === 'var' ? displayName(head.name) : head.type === 'call' ? `${head.name}(...)` : '?';
  for (const p of path) {
    if (p.type === 'scalar' && typeof p.value === 'string') out += IDENT.test(p.value) ? `.${p.value}` : `[${JSON.stringify(p.value)}]`;
    else if (p.type === 'scalar') out += `[${String(p.value)}]`;
    else if (p.type === 'var') out += `[${displayName(p.name)}]`;
    else out += '[...]';
  }
  return out;
}

export class TypeChecker {
  constructor(
    private readonly builtins: BuiltinSignatures,
    private readonly rules: RuleTypes | undefined,
    /** Where errors go; undefined: infer types only. */
    private readonly errors: RegoError[] | undefined,
    private readonly options: TypeCheckOptions = {},
  ) {}

  /** Check a body and its head terms; returns the variable types it found. */
  checkBody(body: Body, head: readonly Term[], outer?: Types): Types {
    const types: Types = new Map(outer);
    const visitor: Visitor = {
      term: (t) => {
        if (t.type === 'arraycomp' || t.type === 'setcomp') this.checkBody(t.body, [t.term], types);
        else if (t.type === 'objectcomp') this.checkBody(t.body, [t.key, t.value], types);
        else if (t.type === 'call') {
          // arguments first, then the call
          for (const a of t.args) walkTerm(a, visitor);
          this.checkCall(t, types);
        } else if (t.type === 'ref') {
          walkTerm(t.head, visitor);
          for (const p of t.path) walkTerm(p, visitor);
          this.checkRef(t, types);
        } else return true;
        return false;
      },
    };
    const visitTerm = (t: Term): void => walkTerm(t, visitor);
    const visitExpr = (e: Expr): void => {
      if (e.kind === 'some') return;
      // `with f as g`: a function named as a replacement is not a value
      const replacements = new Set<Term>(e.withs.map((w) => w.value).filter((v) => v.type === 'ref' || v.type === 'var'));
      forEachExprChild(
        e,
        (t) => {
          if (replacements.has(t)) return;
          // `some .. in` key/value are declarations, not uses
          if (e.kind !== 'somein' || t === e.collection) visitTerm(t);
        },
        (inner) => this.checkBody(inner, [], types),
      );
      const sides = e.kind === 'unify' && !e.output ? [e.left, e.right] : e.kind === 'term' && e.term.type === 'call' && e.term.name === 'equal' && this.options.equalIsUnify ? e.term.args : undefined;
      if (sides && sides.length === 2) {
        const [left, right] = sides as [Term, Term];
        // a variable unified with a term of known type takes that type (`with` changes values, not static types)
        if (!e.negated) {
          if (left.type === 'var' && !types.has(left.name)) types.set(left.name, this.typeOf(right, types));
          else if (right.type === 'var' && !types.has(right.name) && !(e.kind === 'unify' && e.assign)) types.set(right.name, this.typeOf(left, types));
        }
        // two sides whose types cannot hold the same value
        const lt = this.typeOf(left, types);
        const rt = this.typeOf(right, types);
        if (this.errors && disjoint(lt, rt)) this.errors.push(new RegoError('rego_type_error', `match error\n\tleft  : ${typeText(lt)}\n\tright : ${typeText(rt)}`, e.loc));
      }
    };
    body.forEach(visitExpr);
    head.forEach(visitTerm);
    return types;
  }

  typeOf(t: Term, types: Types): RegoType {
    switch (t.type) {
      case 'scalar':
        return scalarType(t.value);
      case 'var':
        return types.get(t.name) ?? ANY;
      case 'array':
        return { type: 'array', static: t.items.map((i) => this.typeOf(i, types)) };
      case 'set':
        return { type: 'set', of: t.items.length ? unionType(t.items.map((i) => this.typeOf(i, types))) : ANY };
      case 'object': {
        const stat: Array<{ key: string; value: RegoType }> = [];
        for (const [k, v] of t.items) {
          if (k.type !== 'scalar' || typeof k.value !== 'string') return { type: 'object', dynamic: { key: ANY, value: ANY } };
          const value = this.typeOf(v, types);
          const i = stat.findIndex((e) => e.key === k.value);
          if (i >= 0) stat[i] = { key: k.value, value };
          else stat.push({ key: k.value, value });
        }
        return { type: 'object', static: stat };
      }
      case 'arraycomp':
        return { type: 'array', dynamic: ANY };
      case 'setcomp':
        return t.unwrap ? ANY : { type: 'set', of: ANY };
      case 'objectcomp':
        return { type: 'object', dynamic: { key: ANY, value: ANY } };
      case 'template':
        return { type: 'string' };
      case 'call': {
        if (COMPARISONS.has(t.name)) return BOOLEAN;
        if (t.name.startsWith('data.')) return this.rules?.functionResult(t.name) ?? ANY;
        return this.builtins.signature(t.name)?.result ?? ANY;
      }
      case 'ref':
        return this.refType(t, types).type ?? ANY;
    }
  }

  /** The type a ref selects, walking constant keys; `failedAt` is the index of the first key that selects nothing. */
  private refType(t: TermOf<'ref'>, types: Types): { type: RegoType | undefined; failedAt?: number; from?: RegoType } {
    let cur: RegoType;
    let i = 0;
    if (t.head.type === 'var' && t.head.name === 'data') {
      const keys: string[] = [];
      for (const p of t.path) {
        if (p.type !== 'scalar' || typeof p.value !== 'string') break;
        keys.push(p.value);
      }
      const fn = this.rules?.functionType(['data', ...keys].join('.'));
      if (fn && keys.length === t.path.length) return { type: undefined, failedAt: -1, from: { type: 'function', args: fn.args, result: fn.result } };
      const doc = this.rules?.documentType(keys);
      if (!doc) return { type: ANY };
      cur = doc.type;
      i = doc.length;
    } else if (t.head.type === 'var' && t.head.name !== 'input') {
      cur = types.get(t.head.name) ?? ANY;
    } else if (t.head.type === 'call') {
      cur = this.typeOf(t.head, types);
    } else return { type: ANY };
    for (; i < t.path.length; i++) {
      const p = t.path[i]!;
      if (p.type !== 'scalar') {
        if (cur.type === 'any' && !cur.of?.length) return { type: ANY };
        cur = valuesOf(cur) ?? ANY;
        continue;
      }
      const next = select(cur, p.value);
      if (next === undefined) return { type: undefined, failedAt: i, from: cur };
      cur = next;
    }
    return { type: cur };
  }

  private checkRef(t: TermOf<'ref'>, types: Types): void {
    if (!this.errors) return;
    const r = this.refType(t, types);
    if (r.failedAt === undefined || !r.from) return;
    if (r.from.type === 'function') {
      // a function used as a value
      const text = refText(t.head, t.path);
      const sig = `(${(r.from.args ?? []).map(typeText).join(', ')}) => ${typeText(r.from.result ?? ANY)}`;
      this.errors.push(new RegoError('rego_type_error', [`undefined ref: ${text}`, `\t${text}`, `\t${'^'.repeat(text.length)}`, `\thave: ${sig}`].join('\n'), t.loc));
      return;
    }
    const full = refText(t.head, t.path.slice(0, r.failedAt + 1));
    const prefix = refText(t.head, t.path.slice(0, r.failedAt));
    const key = t.path[r.failedAt] as TermOf<'scalar'>;
    const have = JSON.stringify(typeof key.value === 'bigint' ? Number(key.value) : key.value);
    const keys = objectKeys(r.from);
    let lines: string[];
    if (keys) {
      const pad = ' '.repeat(prefix.length + 1);
      lines = [`${pad}^`, `${pad}have: ${have}`, `${pad}want (one of): [${keys.sort().map((k) => JSON.stringify(k)).join(' ')}]`];
    } else if (r.from.type === 'array') {
      const pad = ' '.repeat(prefix.length + 1);
      lines = [`${pad}^`, `${pad}have: ${have}`, `${pad}want (type): number`];
    } else {
      lines = ['^'.repeat(prefix.length), `have: ${typeText(r.from)}`];
    }
    this.errors.push(new RegoError('rego_type_error', [`undefined ref: ${full}`, `\t${full}`, ...lines.map((l) => `\t${l}`)].join('\n'), t.loc));
  }

  private checkCall(t: TermOf<'call'>, types: Types): void {
    const d = t.name.startsWith('data.') ? this.rules?.functionType(t.name) : this.builtins.signature(t.name);
    if (!d) return;
    const want = t.args.map((_, i) => d.args[i] ?? ('variadic' in d ? d.variadic : undefined) ?? (i === d.args.length ? d.result : ANY));
    // an untyped variable passed where a type is declared takes that type (OPA unifies call arguments)
    t.args.forEach((a, i) => {
      const w = want[i]!;
      if (a.type === 'var' && !types.has(a.name) && !(w.type === 'any' && !w.of?.length)) types.set(a.name, w);
    });
    if (!this.errors) return;
    const have = t.args.map((a) => this.typeOf(a, types));
    if (have.every((h, i) => accepts(want[i]!, h))) return;
    this.errors.push(
      new RegoError(
        'rego_type_error',
        `${t.name}: invalid argument(s)\n\thave: (${have.map(typeText).join(', ')})\n\twant: (${want.map(typeText).join(', ')})`,
        t.loc,
      ),
    );
  }
}

/** The type of any element of a collection type (iteration with a variable key). */
function valuesOf(t: RegoType): RegoType | undefined {
  switch (t.type) {
    case 'any':
      return t.of?.length ? unionType(t.of.map((m) => valuesOf(m) ?? ANY)) : ANY;
    case 'object':
      return unionType([...(t.static ?? []).map((e) => e.value), ...(t.dynamic ? [t.dynamic.value] : [])]);
    case 'array':
      return unionType([...(t.static ?? []), ...(t.dynamic ? [t.dynamic] : [])]);
    case 'set':
      return t.of ?? ANY;
    default:
      return undefined;
  }
}

/** Check a body against builtin declarations (and rule types when given). */
export function checkTypes(body: Body, head: Term[], builtins: BuiltinSignatures, errors: RegoError[], rules?: RuleTypes, options: TypeCheckOptions = {}): void {
  new TypeChecker(builtins, rules, errors, options).checkBody(body, head);
}
