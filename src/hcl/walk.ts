import type { Expression, TemplatePart, TraversalStep } from './ast.ts';

/**
 * Called for each expression of a walk, before its children, with the names bound at that point by enclosing `for`
 * expressions and template `for` directives. Return `false` to skip the expression's children.
 */
export type ExpressionVisitor = (expr: Expression, bound: ReadonlySet<string>) => boolean | void;

/** Deepest expression nesting followed; deeper input is left unvisited rather than overflowing the stack. */
export const MAX_WALK_DEPTH = 500;

/**
 * Visits `expr` and every expression inside it in source order (HCL's walk order: `a.b[k]` visits the traversal, then
 * the key `k`; a `for` visits its collection, then key, value and condition with the loop variables bound; template
 * interpolations and directives are visited in the order they appear). The one walker behind every HCL expression
 * walk (reference collection, the validator's checks, plan references).
 */
export function walkExpression(expr: Expression, visit: ExpressionVisitor, bound: ReadonlySet<string> = new Set(), depth = 0): void {
  if (depth > MAX_WALK_DEPTH) return;
  if (visit(expr, bound) === false) return;
  forEachChild(expr, bound, (child, childBound) => walkExpression(child, visit, childBound, depth + 1));
}

/** Calls `each` for the direct sub-expressions of `expr` (template parts flattened), with the names bound for each. */
export function forEachChild(expr: Expression, bound: ReadonlySet<string>, each: (child: Expression, bound: ReadonlySet<string>) => void): void {
  const steps = (list: readonly TraversalStep[]): void => {
    for (const step of list) if (step.kind === 'index') each(step.key, bound);
  };
  switch (expr.kind) {
    case 'literal':
    case 'invalid':
      return;
    case 'traversal':
      steps(expr.steps);
      return;
    case 'relative':
      each(expr.source, bound);
      steps(expr.steps);
      return;
    case 'call':
      for (const arg of expr.args) each(arg, bound);
      return;
    case 'template':
      templateParts(expr.parts, bound, each);
      return;
    case 'tuple':
      for (const item of expr.items) each(item, bound);
      return;
    case 'object':
      for (const item of expr.items) {
        if (!item.bareKey) each(item.key, bound);
        each(item.value, bound);
      }
      return;
    case 'binary':
      each(expr.left, bound);
      each(expr.right, bound);
      return;
    case 'unary':
      each(expr.operand, bound);
      return;
    case 'conditional':
      each(expr.condition, bound);
      each(expr.trueResult, bound);
      each(expr.falseResult, bound);
      return;
    case 'for': {
      each(expr.collection, bound);
      const inner = withNames(bound, expr.valueVar, expr.keyVar);
      if (expr.keyExpr) each(expr.keyExpr, inner);
      each(expr.valueExpr, inner);
      if (expr.condition) each(expr.condition, inner);
      return;
    }
    case 'splat':
      each(expr.source, bound);
      for (const step of expr.each) if (step.kind === 'index') each(step.key, bound);
      return;
    case 'index':
      each(expr.collection, bound);
      each(expr.key, bound);
      return;
    case 'parens':
      each(expr.expr, bound);
      return;
  }
}

function templateParts(parts: readonly TemplatePart[], bound: ReadonlySet<string>, each: (child: Expression, bound: ReadonlySet<string>) => void): void {
  for (const part of parts) {
    switch (part.kind) {
      case 'text':
        break;
      case 'interpolation':
        each(part.expr, bound);
        break;
      case 'if':
        each(part.cond, bound);
        templateParts(part.then, bound, each);
        if (part.else) templateParts(part.else, bound, each);
        break;
      case 'for':
        each(part.collection, bound);
        templateParts(part.body, withNames(bound, part.valueVar, part.keyVar), each);
        break;
    }
  }
}

function withNames(bound: ReadonlySet<string>, ...names: Array<string | undefined>): ReadonlySet<string> {
  const inner = new Set(bound);
  for (const name of names) if (name) inner.add(name);
  return inner;
}
