import type { Node as SyntaxNode } from 'web-tree-sitter';
import type { Attribute, Block, Body, Expression } from './ast.ts';
import type { ConvertContext } from './convert-context.ts';
import { children } from './convert-expression.ts';
import { decodeQuoted } from './convert-template.ts';

/**
 * Bodies, attributes and blocks from the tree-sitter CST. Ranges follow HCL: an attribute spans
 * `name = expr`; a block spans type keyword to closing brace; a block body spans `{` to `}` (so
 * `body.range.start` is where Terraform reports missing arguments); `defRange` is type plus labels.
 * ERROR nodes from a broken file are searched for attributes and blocks tree-sitter could still recover.
 */
export function convertBodyContent(ctx: ConvertContext, nodes: SyntaxNode[], body: Body, errorDepth = 0): void {
  for (const node of nodes) {
    switch (node.type) {
      case 'attribute': {
        const attribute = convertAttribute(ctx, node);
        if (attribute) body.attributes.push(attribute);
        break;
      }
      case 'block': {
        if (!ctx.enter(node)) break;
        try {
          const block = convertBlock(ctx, node);
          if (block) body.blocks.push(block);
        } finally {
          ctx.depth--;
        }
        break;
      }
      case 'body':
        convertBodyContent(ctx, children(node), body, errorDepth);
        break;
      case 'ERROR':
        if (errorDepth < 8) convertBodyContent(ctx, children(node), body, errorDepth + 1);
        break;
      default:
        break;
    }
  }
}

function convertAttribute(ctx: ConvertContext, node: SyntaxNode): Attribute | undefined {
  const nodes = children(node);
  const name = nodes[0];
  if (!name || name.type !== 'identifier') return undefined;
  const exprNode = nodes.find((c) => c.type === 'expression');
  const expr: Expression = exprNode
    ? ctx.expression(exprNode)
    : { kind: 'invalid', text: '', range: ctx.range(node.endIndex, node.endIndex) };
  return { name: name.text, expr, range: ctx.nodeRange(node), nameRange: ctx.nodeRange(name) };
}

function convertBlock(ctx: ConvertContext, node: SyntaxNode): Block | undefined {
  const nodes = children(node);
  const typeNode = nodes[0];
  if (!typeNode || typeNode.type !== 'identifier') return undefined;
  const labels: string[] = [];
  const labelRanges = [];
  let open: SyntaxNode | undefined;
  let close: SyntaxNode | undefined;
  const content: SyntaxNode[] = [];
  for (const child of nodes.slice(1)) {
    if (!open) {
      if (child.type === 'string_lit') {
        const raw = ctx.source.slice(child.startIndex, child.endIndex);
        labels.push(decodeQuoted(raw.replace(/^"/, '').replace(/"$/, '')));
        labelRanges.push(ctx.nodeRange(child));
      } else if (child.type === 'identifier') {
        labels.push(child.text);
        labelRanges.push(ctx.nodeRange(child));
      } else if (child.type === 'block_start') open = child;
    } else if (child.type === 'block_end' && !child.isMissing) close = child;
    else if (child.type !== 'block_end') content.push(child);
  }
  const typeRange = ctx.nodeRange(typeNode);
  const lastHeader = labelRanges[labelRanges.length - 1] ?? typeRange;
  const bodyStart = open ? open.startIndex : node.endIndex;
  const bodyEnd = close ? close.endIndex : node.endIndex;
  const body: Body = { attributes: [], blocks: [], range: ctx.range(bodyStart, bodyEnd) };
  if (close) body.endRange = ctx.nodeRange(close);
  convertBodyContent(ctx, content, body);
  return {
    type: typeNode.text,
    labels,
    body,
    range: ctx.nodeRange(node),
    typeRange,
    labelRanges,
    defRange: { filename: typeRange.filename, start: typeRange.start, end: lastHeader.end },
  };
}
