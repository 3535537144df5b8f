import type { SourceRange } from '../core/source-range.ts';

/**
 * HCL native-syntax AST with a source range on every node. Produced by `hcl/parse.ts` (a valid file decoded from
 * HashiCorp's HCL 2.23.0 parse, assets/hcl-syntax/, by `go-model.ts`; a broken one converted from tree-sitter's
 * tree, with HCL's verdict and error text; both paths give the same AST for a valid file) and by the JSON
 * syntax reader for `*.tf.json`. Shared contract for the validator, the plan synthesizer and the scanner.
 */
export type Expression =
  | LiteralExpr
  | TemplateExpr
  | ScopeTraversalExpr
  | RelativeTraversalExpr
  | FunctionCallExpr
  | TupleExpr
  | ObjectExpr
  | BinaryExpr
  | UnaryExpr
  | ConditionalExpr
  | ForExpr
  | SplatExpr
  | IndexExpr
  | ParenthesesExpr
  | InvalidExpr;

interface Node {
  range: SourceRange;
}

/** `"x"` without interpolation, numbers, `true`/`false`/`null`. Numbers keep their source text. */
export interface LiteralExpr extends Node {
  kind: 'literal';
  value: string | number | boolean | null;
  /** Original number text (for big/precise numbers). */
  numberText?: string;
  /** A string value of a JSON document (`*.tf.json`): its range is the JSON string, quotes included. */
  jsonString?: true;
}

/**
 * A quoted string with interpolations/directives, or any heredoc (`heredoc` set). A quoted string that is
 * only `"${x}"` is a one-part template whose value is `x` itself (HCL's TemplateWrapExpr).
 */
export interface TemplateExpr extends Node {
  kind: 'template';
  parts: TemplatePart[];
  heredoc?: { marker: string; indented: boolean };
  /** A string value of a JSON document (`*.tf.json`): its range is the JSON string, quotes included. */
  jsonString?: true;
}
export type TemplatePart =
  | { kind: 'text'; value: string; range: SourceRange }
  | { kind: 'interpolation'; expr: Expression; stripLeft?: boolean; stripRight?: boolean; range: SourceRange }
  | { kind: 'if'; cond: Expression; then: TemplatePart[]; else?: TemplatePart[]; range: SourceRange }
  | { kind: 'for'; keyVar?: string; valueVar: string; collection: Expression; body: TemplatePart[]; range: SourceRange };

/** A traversal step: `.name`, `[expr]` (index with a literal or computed key), `.*` / `[*]` handled by SplatExpr. */
export type TraversalStep =
  | { kind: 'attr'; name: string; range: SourceRange }
  | { kind: 'index'; key: Expression; range: SourceRange };

/** `var.x`, `aws_s3_bucket.b.id`, `local.tags["a"]`, `each.value`, `count.index`, `path.module`, `self.arn`. */
export interface ScopeTraversalExpr extends Node {
  kind: 'traversal';
  root: string;
  rootRange: SourceRange;
  steps: TraversalStep[];
}

/** Steps applied to the result of another expression, e.g. `func(x).attr` or `(expr)[0]`. */
export interface RelativeTraversalExpr extends Node {
  kind: 'relative';
  source: Expression;
  steps: TraversalStep[];
}

export interface FunctionCallExpr extends Node {
  kind: 'call';
  name: string;
  nameRange: SourceRange;
  args: Expression[];
  /** `f(list...)`: the last argument is expanded. */
  expandFinal: boolean;
}

export interface TupleExpr extends Node {
  kind: 'tuple';
  items: Expression[];
}

export interface ObjectItem {
  /** Key: a bare identifier becomes a literal string key (`forceString`), otherwise any expression. */
  key: Expression;
  /** True when written as a bare identifier (`a = 1`) rather than an expression (`(var.k) = 1`). */
  bareKey: boolean;
  value: Expression;
  range: SourceRange;
}

export interface ObjectExpr extends Node {
  kind: 'object';
  items: ObjectItem[];
}

export type BinaryOperator = '||' | '&&' | '==' | '!=' | '<' | '>' | '<=' | '>=' | '+' | '-' | '*' | '/' | '%';

export interface BinaryExpr extends Node {
  kind: 'binary';
  op: BinaryOperator;
  left: Expression;
  right: Expression;
}

export interface UnaryExpr extends Node {
  kind: 'unary';
  op: '!' | '-';
  operand: Expression;
}

export interface ConditionalExpr extends Node {
  kind: 'conditional';
  condition: Expression;
  trueResult: Expression;
  falseResult: Expression;
}

/** `[for k, v in coll : expr if cond]` / `{for k, v in coll : key => value... if cond}`. */
export interface ForExpr extends Node {
  kind: 'for';
  keyVar?: string;
  valueVar: string;
  collection: Expression;
  /** Present for object-for expressions. */
  keyExpr?: Expression;
  valueExpr: Expression;
  condition?: Expression;
  /** `...` after the value in an object-for. */
  grouping: boolean;
}

/** `source[*].a.b` (full) or `source.*.a` (attribute-only, legacy). `each` are the steps applied per element. */
export interface SplatExpr extends Node {
  kind: 'splat';
  source: Expression;
  each: TraversalStep[];
  full: boolean;
}

/**
 * `collection[key]`. Not produced by `parse.ts`: index steps go into the `traversal` (after a bare name,
 * literal or computed key) or `relative` (after any other expression) they follow.
 */
export interface IndexExpr extends Node {
  kind: 'index';
  collection: Expression;
  key: Expression;
}

export interface ParenthesesExpr extends Node {
  kind: 'parens';
  expr: Expression;
}

/** Recovered from a syntax error: the source could not be understood as an expression. */
export interface InvalidExpr extends Node {
  kind: 'invalid';
  text: string;
}

export interface Attribute {
  name: string;
  expr: Expression;
  /** Whole `name = expr` range. */
  range: SourceRange;
  nameRange: SourceRange;
}

export interface Block {
  type: string;
  labels: string[];
  body: Body;
  /** Whole block, from the type keyword to the closing brace. */
  range: SourceRange;
  typeRange: SourceRange;
  labelRanges: SourceRange[];
  /** Type keyword through the last label, `resource "a" "b"` (Terraform's DeclRange, highlighted for block-level problems). */
  defRange: SourceRange;
}

export interface Body {
  /** Attributes in source order (duplicates kept so the validator can report them). */
  attributes: Attribute[];
  blocks: Block[];
  /** `{` to `}` of a block body (its start is where Terraform reports a missing argument); the whole file for a file body. */
  range: SourceRange;
  /** The closing brace of a block body (absent when the brace is missing in a broken file). */
  endRange?: SourceRange;
}

const NO_ITEMS: readonly never[] = Object.freeze([]);

/**
 * The one empty list a model uses wherever a node has no items (a body without nested blocks, a block without labels,
 * a resource without `depends_on`): about four per resource, 32 bytes each when every node had its own. It is frozen,
 * so a write to it throws instead of changing every node that shares it (a model is read-only once built; code that
 * builds one fills lists of its own and replaces an empty one with this).
 */
export function noItems<T>(): T[] {
  return NO_ITEMS as never[];
}

/** One parsed file. */
export interface HclFile {
  filename: string;
  /** Full text (for snippets). */
  source: string;
  body: Body;
  /** Syntax errors; when non-empty the body is the best tree-sitter recovery (partial). */
  syntaxErrors: import('../core/diagnostics.ts').Diagnostic[];
  /** Comments with their line, for inline suppressions (`# iacpac:ignore=...`, `#checkov:skip=...`). */
  comments: Array<{ text: string; line: number }>;
}
