import type { Expression, FunctionCallExpr, ScopeTraversalExpr, TemplatePart } from '../hcl/ast.ts';

export interface ExpressionVisitor {
  /** A traversal whose root is not a local symbol (for-expression or template-for variable). */
  traversal?(expr: ScopeTraversalExpr): void;
  call?(expr: FunctionCallExpr): void;
}

/** Deepest expression nesting followed; deeper input is left unchecked rather than overflowing the stack. */
const MAX_DEPTH = 500;

/** Visits every traversal and function call in `expr`, in source order, outside of locally bound names. */
export function walkExpression(expr: Expression, visitor: ExpressionVisitor, locals: ReadonlySet<string> = new Set(), depth = 0): void {
  if (depth > MAX_DEPTH) return;
  const walk = (child: Expression, scope = locals) => walkExpression(child, visitor, scope, depth + 1);
  switch (expr.kind) {
    case 'literal':
    case 'invalid':
      return;
    case 'traversal':
      if (!locals.has(expr.root)) visitor.traversal?.(expr);
      for (const step of expr.steps) if (step.kind === 'index') walk(step.key);
      return;
    case 'relative':
      walk(expr.source);
      for (const step of expr.steps) if (step.kind === 'index') walk(step.key);
      return;
    case 'call':
      visitor.call?.(expr);
      for (const arg of expr.args) walk(arg);
      return;
    case 'template':
      walkTemplateParts(expr.parts, visitor, locals, depth + 1);
      return;
    case 'tuple':
      for (const item of expr.items) walk(item);
      return;
    case 'object':
      for (const item of expr.items) {
        if (!item.bareKey) walk(item.key);
        walk(item.value);
      }
      return;
    case 'binary':
      walk(expr.left);
      walk(expr.right);
      return;
    case 'unary':
      walk(expr.operand);
      return;
    case 'conditional':
      walk(expr.condition);
      walk(expr.trueResult);
      walk(expr.falseResult);
      return;
    case 'for': {
      walk(expr.collection);
      const inner = new Set(locals);
      inner.add(expr.valueVar);
      if (expr.keyVar) inner.add(expr.keyVar);
      if (expr.keyExpr) walk(expr.keyExpr, inner);
      walk(expr.valueExpr, inner);
      if (expr.condition) walk(expr.condition, inner);
      return;
    }
    case 'splat':
      walk(expr.source);
      for (const step of expr.each) if (step.kind === 'index') walk(step.key);
      return;
    case 'index':
      walk(expr.collection);
      walk(expr.key);
      return;
    case 'parens':
      walk(expr.expr);
      return;
  }
}

function walkTemplateParts(parts: TemplatePart[], visitor: ExpressionVisitor, locals: ReadonlySet<string>, depth: number): void {
  if (depth > MAX_DEPTH) return;
  for (const part of parts) {
    switch (part.kind) {
      case 'text':
        break;
      case 'interpolation':
        walkExpression(part.expr, visitor, locals, depth + 1);
        break;
      case 'if':
        walkExpression(part.cond, visitor, locals, depth + 1);
        walkTemplateParts(part.then, visitor, locals, depth + 1);
        if (part.else) walkTemplateParts(part.else, visitor, locals, depth + 1);
        break;
      case 'for': {
        walkExpression(part.collection, visitor, locals, depth + 1);
        const inner = new Set(locals);
        inner.add(part.valueVar);
        if (part.keyVar) inner.add(part.keyVar);
        walkTemplateParts(part.body, visitor, inner, depth + 1);
        break;
      }
    }
  }
}
