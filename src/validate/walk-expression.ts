import type { Expression, FunctionCallExpr, ScopeTraversalExpr } from '../hcl/ast.ts';
import { walkExpression as walk } from '../hcl/walk.ts';

export interface ExpressionVisitor {
  /** A traversal whose root is not a local symbol (for-expression or template-for variable). */
  traversal?(expr: ScopeTraversalExpr): void;
  call?(expr: FunctionCallExpr): void;
}

/** Visits every traversal and function call in `expr`, in source order, outside of locally bound names. */
export function walkExpression(expr: Expression, visitor: ExpressionVisitor, locals: ReadonlySet<string> = new Set()): void {
  walk(
    expr,
    (node, bound) => {
      if (node.kind === 'traversal' && !bound.has(node.root)) visitor.traversal?.(node);
      else if (node.kind === 'call') visitor.call?.(node);
    },
    locals,
  );
}
