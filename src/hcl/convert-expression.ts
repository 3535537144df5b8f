import {
  noItems,
  type BinaryOperator,
  type Expression,
  type ForExpr,
  type FunctionCallExpr,
  type LiteralExpr,
  type ObjectExpr,
  type ObjectItem,
  type ScopeTraversalExpr,
  type TraversalStep,
  type TupleExpr,
} from './ast.ts';
import { MAX_EXPRESSION_DEPTH, type ConvertContext } from './convert-context.ts';
import { convertTemplate } from './convert-template.ts';
import type { SyntaxNode } from './syntax-tree.ts';

/**
 * Expressions from the tree-sitter CST. The grammar flattens postfix chains (`a.b[0].c[*].d`) into
 * sibling nodes, so a term is converted from a sequence: a primary node followed by get_attr / index /
 * splat nodes. Steps after a bare name go into one scope traversal (`aws_s3_bucket.b.tags["x"]`),
 * whether the index key is a literal or computed; steps after any other expression form a `relative`
 * traversal. `IndexExpr` is not produced.
 */

const BINARY_OPERATORS = new Set<string>(['||', '&&', '==', '!=', '<', '>', '<=', '>=', '+', '-', '*', '/', '%']);

/** The children of `node` other than comments (its own list when it has none, which is almost always). */
export function children(node: SyntaxNode): readonly SyntaxNode[] {
  const all = node.children;
  for (const child of all) if (child.type === 'comment') return all.filter((c) => c.type !== 'comment');
  return all;
}

export function convertExpressionNode(ctx: ConvertContext, node: SyntaxNode): Expression {
  switch (node.type) {
    case 'expression':
      return convertSequence(ctx, children(node), node);
    case 'conditional':
      return convertConditional(ctx, node);
    case 'literal_value':
    case 'collection_value':
    case 'template_expr':
    case 'for_expr':
    case 'operation': {
      const inner = children(node)[0];
      return inner ? ctx.expression(inner) : ctx.invalid(node);
    }
    case 'numeric_lit': {
      const text = ctx.source.slice(node.startIndex, node.endIndex);
      const literal: LiteralExpr = { kind: 'literal', value: Number(text), numberText: text, range: ctx.nodeRange(node) };
      return literal;
    }
    case 'bool_lit':
      return { kind: 'literal', value: node.text === 'true', range: ctx.nodeRange(node) };
    case 'null_lit':
      return { kind: 'literal', value: null, range: ctx.nodeRange(node) };
    case 'string_lit':
    case 'quoted_template':
    case 'heredoc_template':
      return convertTemplate(ctx, node);
    case 'tuple':
      return convertTuple(ctx, node);
    case 'object':
      return convertObject(ctx, node);
    case 'for_tuple_expr':
    case 'for_object_expr':
      return convertFor(ctx, node);
    case 'variable_expr':
      return traversalRoot(ctx, node);
    case 'function_call':
      return convertCall(ctx, node);
    case 'binary_operation':
      return convertBinary(ctx, node);
    case 'unary_operation': {
      const [op, ...rest] = children(node);
      if (!op || (op.type !== '-' && op.type !== '!') || rest.length === 0) return ctx.invalid(node);
      return { kind: 'unary', op: op.type, operand: ctx.guard(node, () => convertSequence(ctx, rest, node)), range: ctx.nodeRange(node) };
    }
    default:
      return ctx.invalid(node);
  }
}

/**
 * The grammar makes `?:` left-associative (`a ? b : c ? d : e` parses as `(a ? b : c) ? d : e`);
 * HCL's is right-associative (`a ? b : (c ? d : e)`). Re-associate the unparenthesised left spine.
 */
function convertConditional(ctx: ConvertContext, node: SyntaxNode): Expression {
  const pairs: Array<[SyntaxNode, SyntaxNode]> = [];
  let current = node;
  let head: SyntaxNode | undefined;
  for (;;) {
    const [condition, trueResult, falseResult] = children(current).filter((c) => c.type === 'expression');
    if (!condition || !trueResult || !falseResult) return ctx.invalid(node);
    pairs.unshift([trueResult, falseResult]);
    const inner = children(condition);
    const nested = inner.length === 1 && inner[0]?.type === 'conditional' ? inner[0] : undefined;
    if (!nested) {
      head = condition;
      break;
    }
    // Each re-associated level becomes one level of AST nesting: bound it like any other nesting.
    if (pairs.length >= MAX_EXPRESSION_DEPTH) return ctx.guard(node, () => ctx.invalid(node), true);
    current = nested;
  }
  const last = pairs[pairs.length - 1];
  if (!last) return ctx.invalid(node);
  let acc: Expression = ctx.expression(last[1]);
  for (let i = pairs.length - 1; i >= 1; i--) {
    const [trueNode] = pairs[i] ?? [];
    const conditionNode = pairs[i - 1]?.[1];
    if (!trueNode || !conditionNode) return ctx.invalid(node);
    acc = {
      kind: 'conditional',
      condition: ctx.expression(conditionNode),
      trueResult: ctx.expression(trueNode),
      falseResult: acc,
      range: ctx.range(conditionNode.startIndex, node.endIndex),
    };
  }
  const first = pairs[0];
  if (!first) return ctx.invalid(node);
  return { kind: 'conditional', condition: ctx.expression(head), trueResult: ctx.expression(first[0]), falseResult: acc, range: ctx.nodeRange(node) };
}

function traversalRoot(ctx: ConvertContext, node: SyntaxNode): ScopeTraversalExpr {
  const range = ctx.nodeRange(node);
  return { kind: 'traversal', root: node.text, rootRange: range, steps: [], range };
}

/** A term given as sibling nodes: primary (or `( expr )`) then postfix get_attr/index/splat nodes. */
function convertSequence(ctx: ConvertContext, nodes: readonly SyntaxNode[], whole: SyntaxNode): Expression {
  const first = nodes[0];
  if (!first) return ctx.invalid(whole);
  let rest: number;
  let expr: Expression;
  if (first.type === '(') {
    const inner = nodes[1];
    const close = nodes[2];
    if (!inner || inner.type !== 'expression' || !close || close.type !== ')') return ctx.invalid(whole);
    expr = { kind: 'parens', expr: ctx.expression(inner), range: ctx.range(first.startIndex, close.endIndex) };
    rest = 3;
  } else if (nodes.length === 1) {
    return ctx.expression(first);
  } else {
    expr = ctx.expression(first);
    rest = 1;
  }
  const start = first.startIndex;
  for (let i = rest; i < nodes.length; i++) {
    const node = nodes[i];
    if (!node) break;
    if (node.type === 'get_attr' || node.type === 'index') {
      const step = convertStep(ctx, node);
      if (!step) return ctx.invalid(whole);
      const range = ctx.range(start, node.endIndex);
      if (expr.kind === 'traversal' || expr.kind === 'relative') {
        expr = { ...expr, steps: expr.steps.concat([step]), range }; // concat: an exact-length array
      } else {
        expr = { kind: 'relative', source: expr, steps: [step], range };
      }
    } else if (node.type === 'splat') {
      const splat = children(node)[0];
      if (!splat) return ctx.invalid(whole);
      const each: TraversalStep[] = [];
      for (const child of children(splat)) {
        if (child.type !== 'get_attr' && child.type !== 'index') continue;
        const step = convertStep(ctx, child);
        if (!step) return ctx.invalid(whole);
        each.push(step);
      }
      expr = { kind: 'splat', source: expr, each: each.slice(), full: splat.type === 'full_splat', range: ctx.range(start, node.endIndex) };
    } else {
      return ctx.invalid(whole);
    }
  }
  return expr;
}

function convertStep(ctx: ConvertContext, node: SyntaxNode): TraversalStep | undefined {
  const range = ctx.nodeRange(node);
  if (node.type === 'get_attr') {
    const name = children(node).find((c) => c.type === 'identifier');
    return name ? { kind: 'attr', name: name.text, range } : undefined;
  }
  const inner = children(node)[0];
  if (!inner) return undefined;
  if (inner.type === 'legacy_index') {
    const digits = inner.text.slice(1).trim();
    const keyRange = ctx.range(inner.startIndex + 1, inner.endIndex);
    return { kind: 'index', key: { kind: 'literal', value: Number(digits), numberText: digits, range: keyRange }, range };
  }
  const keyNode = children(inner).find((c) => c.type === 'expression');
  return keyNode ? { kind: 'index', key: ctx.expression(keyNode), range } : undefined;
}

function convertBinary(ctx: ConvertContext, node: SyntaxNode): Expression {
  const nodes = children(node);
  const opIndex = nodes.findIndex((c, i) => i > 0 && !c.isNamed && BINARY_OPERATORS.has(c.type));
  const opNode = nodes[opIndex];
  if (opIndex <= 0 || !opNode || opIndex === nodes.length - 1) return ctx.invalid(node);
  return {
    kind: 'binary',
    op: opNode.type as BinaryOperator,
    left: ctx.guard(node, () => convertSequence(ctx, nodes.slice(0, opIndex), node)),
    right: ctx.guard(node, () => convertSequence(ctx, nodes.slice(opIndex + 1), node)),
    range: ctx.nodeRange(node),
  };
}

function convertCall(ctx: ConvertContext, node: SyntaxNode): FunctionCallExpr {
  const nodes = children(node);
  const name = nodes[0];
  const argsNode = nodes.find((c) => c.type === 'function_arguments');
  const args: Expression[] = [];
  let expandFinal = false;
  if (argsNode) {
    for (const child of children(argsNode)) {
      if (child.type === 'expression') args.push(ctx.expression(child));
      else if (child.type === 'ellipsis') expandFinal = true;
    }
  }
  const nameRange = name ? ctx.nodeRange(name) : ctx.nodeRange(node);
  return { kind: 'call', name: name?.text ?? '', nameRange, args: args.length > 0 ? args : noItems(), expandFinal, range: ctx.nodeRange(node) };
}

function convertTuple(ctx: ConvertContext, node: SyntaxNode): TupleExpr {
  const items = children(node)
    .filter((c) => c.type === 'expression')
    .map((c) => ctx.expression(c));
  return { kind: 'tuple', items: items.length > 0 ? items : noItems(), range: ctx.nodeRange(node) };
}

function convertObject(ctx: ConvertContext, node: SyntaxNode): ObjectExpr {
  const items: ObjectItem[] = [];
  for (const elem of children(node)) {
    if (elem.type !== 'object_elem') continue;
    const parts = children(elem).filter((c) => c.type === 'expression');
    const [keyNode, valueNode] = parts;
    if (!keyNode || !valueNode) continue;
    const keyChildren = children(keyNode);
    const bare = keyChildren.length === 1 && keyChildren[0]?.type === 'variable_expr';
    const key: Expression = bare
      ? { kind: 'literal', value: keyNode.text, range: ctx.nodeRange(keyNode) }
      : ctx.expression(keyNode);
    items.push({ key, bareKey: bare, value: ctx.expression(valueNode), range: ctx.nodeRange(elem) });
  }
  return { kind: 'object', items: items.length > 0 ? items.slice() : noItems(), range: ctx.nodeRange(node) };
}

function convertFor(ctx: ConvertContext, node: SyntaxNode): Expression {
  const nodes = children(node);
  const intro = nodes.find((c) => c.type === 'for_intro');
  if (!intro) return ctx.invalid(node);
  const introNodes = children(intro);
  const idents = introNodes.filter((c) => c.type === 'identifier').map((c) => c.text);
  const collectionNode = introNodes.find((c) => c.type === 'expression');
  const bodyExprs = nodes.filter((c) => c.type === 'expression');
  const condNode = nodes.find((c) => c.type === 'for_cond');
  const condExpr = condNode ? children(condNode).find((c) => c.type === 'expression') : undefined;
  const isObject = node.type === 'for_object_expr';
  const valueNode = isObject ? bodyExprs[1] : bodyExprs[0];
  if (!collectionNode || !valueNode || (isObject && !bodyExprs[0])) return ctx.invalid(node);
  const result: ForExpr = {
    kind: 'for',
    valueVar: idents.length > 1 ? (idents[1] ?? '') : (idents[0] ?? ''),
    collection: ctx.expression(collectionNode),
    valueExpr: ctx.expression(valueNode),
    grouping: isObject && nodes.some((c) => c.type === 'ellipsis'),
    range: ctx.nodeRange(node),
  };
  if (idents.length > 1) result.keyVar = idents[0];
  if (isObject && bodyExprs[0]) result.keyExpr = ctx.expression(bodyExprs[0]);
  if (condExpr) result.condition = ctx.expression(condExpr);
  return result;
}
