import type { Expression, TemplatePart, TraversalStep } from './ast.ts';

/**
 * Called for each expression of a walk, before its children, with the names bound at that point by enclosing `for`
 * expressions and template `for` directives, and the expression's nesting depth (the walk's start depth plus its
 * ancestors). Return `false` to skip the expression's children.
 */
export type ExpressionVisitor = (expr: Expression, bound: ReadonlySet<string>, depth: number) => boolean | void;

/** Deepest expression nesting followed; deeper input is left unvisited rather than overflowing the stack. */
export const MAX_WALK_DEPTH = 500;

/**
 * Visits `expr` and every expression inside it in source order (HCL's walk order: `a.b[k]` visits the traversal, then
 * the key `k`; a `for` visits its collection, then key, value and condition with the loop variables bound; template
 * interpolations and directives are visited in the order they appear). The one walker behind every HCL expression
 * walk (reference collection, the validator's checks, plan references).
 */
export function walkExpression(expr: Expression, visit: ExpressionVisitor, bound: ReadonlySet<string> = NO_NAMES, depth = 0): void {
  walkNode(expr, bound, { visit, depth });
}

/** Calls `each` for the direct sub-expressions of `expr` (template parts flattened), with the names bound for each. */
export function forEachChild(expr: Expression, bound: ReadonlySet<string>, each: (child: Expression, bound: ReadonlySet<string>) => void): void {
  eachChild(expr, bound, callEach, each);
}

const NO_NAMES: ReadonlySet<string> = new Set();

interface WalkState {
  visit: ExpressionVisitor;
  depth: number;
}

// The walk passes one state object down instead of allocating a closure per node: it runs on every expression of
// every configuration the plan synthesiser and the validator read.
function walkNode(expr: Expression, bound: ReadonlySet<string>, state: WalkState): void {
  if (state.depth > MAX_WALK_DEPTH) return;
  if (state.visit(expr, bound, state.depth) === false) return;
  state.depth++;
  eachChild(expr, bound, walkNode, state);
  state.depth--;
}

function callEach(child: Expression, bound: ReadonlySet<string>, each: (child: Expression, bound: ReadonlySet<string>) => void): void {
  each(child, bound);
}

type Each<S> = (child: Expression, bound: ReadonlySet<string>, state: S) => void;

function eachChild<S>(expr: Expression, bound: ReadonlySet<string>, each: Each<S>, state: S): void {
  switch (expr.kind) {
    case 'literal':
    case 'invalid':
      return;
    case 'traversal':
      indexKeys(expr.steps, bound, each, state);
      return;
    case 'relative':
      each(expr.source, bound, state);
      indexKeys(expr.steps, bound, each, state);
      return;
    case 'call':
      for (const arg of expr.args) each(arg, bound, state);
      return;
    case 'template':
      templateParts(expr.parts, bound, each, state);
      return;
    case 'tuple':
      for (const item of expr.items) each(item, bound, state);
      return;
    case 'object':
      for (const item of expr.items) {
        if (!item.bareKey) each(item.key, bound, state);
        each(item.value, bound, state);
      }
      return;
    case 'binary':
      each(expr.left, bound, state);
      each(expr.right, bound, state);
      return;
    case 'unary':
      each(expr.operand, bound, state);
      return;
    case 'conditional':
      each(expr.condition, bound, state);
      each(expr.trueResult, bound, state);
      each(expr.falseResult, bound, state);
      return;
    case 'for': {
      each(expr.collection, bound, state);
      const inner = withNames(bound, expr.valueVar, expr.keyVar);
      if (expr.keyExpr) each(expr.keyExpr, inner, state);
      each(expr.valueExpr, inner, state);
      if (expr.condition) each(expr.condition, inner, state);
      return;
    }
    case 'splat':
      each(expr.source, bound, state);
      indexKeys(expr.each, bound, each, state);
      return;
    case 'index':
      each(expr.collection, bound, state);
      each(expr.key, bound, state);
      return;
    case 'parens':
      each(expr.expr, bound, state);
      return;
  }
}

function indexKeys<S>(steps: readonly TraversalStep[], bound: ReadonlySet<string>, each: Each<S>, state: S): void {
  for (const step of steps) if (step.kind === 'index') each(step.key, bound, state);
}

function templateParts<S>(parts: readonly TemplatePart[], bound: ReadonlySet<string>, each: Each<S>, state: S): void {
  for (const part of parts) {
    switch (part.kind) {
      case 'text':
        break;
      case 'interpolation':
        each(part.expr, bound, state);
        break;
      case 'if':
        each(part.cond, bound, state);
        templateParts(part.then, bound, each, state);
        if (part.else) templateParts(part.else, bound, each, state);
        break;
      case 'for':
        each(part.collection, bound, state);
        templateParts(part.body, withNames(bound, part.valueVar, part.keyVar), each, state);
        break;
    }
  }
}

function withNames(bound: ReadonlySet<string>, ...names: Array<string | undefined>): ReadonlySet<string> {
  const inner = new Set(bound);
  for (const name of names) if (name) inner.add(name);
  return inner;
}
