/** The Rego syntax tree produced by the parser and rewritten by the compiler. */
import type { RegoValue } from '../value.ts';

export interface Loc {
  readonly file: string;
  readonly row: number;
  readonly col: number;
  /** Offsets of the node's first and past-its-last character in the file (UTF-16 code units), when known. */
  readonly offset?: number;
  readonly end?: number;
  /** Source text of the node (for result `text` and error messages), when known. */
  text?: string;
}

export type Term =
  | { type: 'scalar'; value: RegoValue; loc: Loc }
  | { type: 'var'; name: string; loc: Loc }
  | { type: 'ref'; head: Term; path: Term[]; loc: Loc }
  | { type: 'array'; items: Term[]; loc: Loc }
  | { type: 'set'; items: Term[]; loc: Loc }
  | { type: 'object'; items: Array<[Term, Term]>; loc: Loc }
  | { type: 'arraycomp'; term: Term; body: Body; loc: Loc }
  /** `unwrap`: a template part `{x with ...}`, evaluated as the single element of the set (or undefined). */
  | { type: 'setcomp'; term: Term; body: Body; loc: Loc; unwrap?: boolean }
  | { type: 'objectcomp'; key: Term; value: Term; body: Body; loc: Loc }
  /** A call; `name` is the dotted function name (`count`, `data.pkg.f`, `internal.member_2`, `equal`). */
  | { type: 'call'; name: string; nameTerm: Term; args: Term[]; loc: Loc }
  | { type: 'template'; parts: Array<string | Term>; loc: Loc };

export type TermOf<T extends Term['type']> = Extract<Term, { type: T }>;

export interface WithModifier {
  /** `input...`, `data...`, or a function/builtin name (as a ref/var term). */
  target: Term;
  value: Term;
  loc: Loc;
}

export type ExprKind =
  /** A term (incl. call terms like `x == y`) that must be defined and not false. */
  | { kind: 'term'; term: Term }
  /**
   * `=` (unify) or `:=` (assign: declares its variables). `output`: the compiler's form of a call written with an
   * output argument (`f(x, y)` for a one-argument f becomes `y = f(x)`); it still counts as a call.
   */
  | { kind: 'unify'; left: Term; right: Term; assign: boolean; output?: boolean }
  /** `some x, y` declaration (no membership). */
  | { kind: 'some'; vars: Term[] }
  /** `some v in xs` / `some k, v in xs`. */
  | { kind: 'somein'; key?: Term; value: Term; collection: Term }
  /** `every k, v in xs { body }`. */
  | { kind: 'every'; key?: Term; value: Term; domain: Term; body: Body };

export type Expr = ExprKind & { negated: boolean; withs: WithModifier[]; loc: Loc; index?: number };

export type Body = Expr[];

export interface RuleHead {
  /** The rule's reference relative to the package: `p`, `a.b[x].c`. First element is the name var/string. */
  ref: Term[];
  /** Function arguments. */
  args?: Term[];
  /** Value term (complete rules, objects, functions); undefined for partial sets. */
  value?: Term;
  /** `contains` / v0 `p[x]` partial set element. */
  key?: Term;
  assign: boolean;
  loc: Loc;
}

export type RuleKind = 'complete' | 'set' | 'function';

export interface Rule {
  kind: RuleKind;
  isDefault: boolean;
  head: RuleHead;
  body: Body;
  /** The next rule of an `else` chain. */
  elseRule?: Rule;
  loc: Loc;
  module: Module;
  annotations?: Annotations;
  /** Absolute path of the rule's ground prefix: ['data', 'pkg', 'a', ...]. Filled by the compiler. */
  path?: string[];
}

export interface Import {
  path: Term;
  alias?: string;
  loc: Loc;
}

export interface Annotations {
  scope: string;
  title?: string;
  description?: string;
  [key: string]: unknown;
  loc: Loc;
}

export interface Module {
  file: string;
  package: { path: string[]; loc: Loc; annotations?: Annotations[] };
  imports: Import[];
  rules: Rule[];
  /** v1 syntax and semantics (keywords always on, `if`/`contains` required). */
  v1: boolean;
  annotations: Annotations[];
  source: string;
}

export const loc0: Loc = { file: '', row: 1, col: 1 };
