import type { SourceRange } from '../core/source-range.ts';
import { noItems, type Attribute, type Block, type Body, type Expression } from './ast.ts';
import type { ConvertContext } from './convert-context.ts';
import { children } from './convert-expression.ts';
import { labelValue } from './convert-template.ts';
import type { SyntaxNode, SyntaxTreeReader } from './syntax-tree.ts';

/**
 * Bodies, attributes and blocks from the tree-sitter CST. Ranges follow HCL: an attribute spans
 * `name = expr`; a block spans type keyword to closing brace; a block body spans `{` to `}` (so
 * `body.range.start` is where Terraform reports missing arguments); `defRange` is type plus labels.
 * ERROR nodes from a broken file are searched for attributes and blocks tree-sitter could still recover.
 */
export function convertBodyContent(ctx: ConvertContext, nodes: Iterable<SyntaxNode>, body: Body, errorDepth = 0): void {
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
        if (errorDepth < 8) convertErrorContent(ctx, children(node), body, errorDepth + 1);
        break;
      default:
        break;
    }
  }
}

/**
 * The children of an ERROR node: where they hold the start of a block whose end tree-sitter could not
 * match (`type "label" {` followed by content), that block is rebuilt from the pieces, so a broken
 * block keeps its identity and the attributes that were readable.
 */
/** The content of a syntax tree's root (which is itself an ERROR node when nothing parsed cleanly). */
export function convertRoot(ctx: ConvertContext, root: SyntaxNode, body: Body): void {
  if (root.type === 'ERROR') convertErrorContent(ctx, children(root), body, 1);
  else convertBodyContent(ctx, children(root), body);
  fitBody(body);
}

/**
 * Gives a converted body's lists their exact length: an array filled by `push` keeps room for 16 more elements
 * (~130 bytes), and a model has about three such lists per resource; an empty one becomes the shared `noItems()`.
 */
function fitBody(body: Body): void {
  body.attributes = body.attributes.length > 0 ? body.attributes.slice() : noItems();
  body.blocks = body.blocks.length > 0 ? body.blocks.slice() : noItems();
}

/**
 * The content of a whole syntax tree, as `convertRoot` on its root, read from the tree one top-level item at a time
 * (a root that is an ERROR node is read whole: its recovery looks across its children). Returns the file's comments.
 */
export function convertTree(ctx: ConvertContext, reader: SyntaxTreeReader, body: Body): SyntaxNode[] {
  try {
    const root = reader.current();
    if (root.type === 'ERROR') convertRoot(ctx, reader.subtree(), body);
    else convertBodyContent(ctx, reader.topLevel(), body);
    return reader.comments;
  } finally {
    reader.close();
  }
}

function convertErrorContent(ctx: ConvertContext, nodes: readonly SyntaxNode[], body: Body, errorDepth: number): void {
  const open = nodes.findIndex((n) => n.type === 'block_start');
  let typeIndex = open - 1;
  while (typeIndex >= 0 && (nodes[typeIndex]?.type === 'string_lit' || nodes[typeIndex]?.type === 'identifier')) typeIndex--;
  typeIndex++;
  const typeNode = nodes[typeIndex];
  if (open <= 0 || !typeNode || typeNode.type !== 'identifier' || typeIndex === open) {
    convertBodyContent(ctx, nodes, body, errorDepth);
    return;
  }
  convertBodyContent(ctx, nodes.slice(0, typeIndex), body, errorDepth);
  const closeIndex = nodes.findIndex((n, i) => i > open && n.type === 'block_end' && !n.isMissing);
  const inner = nodes.slice(open + 1, closeIndex === -1 ? nodes.length : closeIndex);
  const labelNodes = nodes.slice(typeIndex + 1, open);
  const openNode = nodes[open] as SyntaxNode;
  const closeNode = closeIndex === -1 ? undefined : nodes[closeIndex];
  const last = closeNode ?? inner[inner.length - 1] ?? openNode;
  const block = buildBlock(ctx, typeNode, labelNodes, openNode, closeNode, last.endIndex);
  if (ctx.enter(typeNode)) {
    try {
      convertBodyContent(ctx, inner, block.body, errorDepth);
    } finally {
      ctx.depth--;
    }
  }
  body.blocks.push(block);
  if (closeIndex !== -1) convertBodyContent(ctx, nodes.slice(closeIndex + 1), body, errorDepth);
}

function convertAttribute(ctx: ConvertContext, node: SyntaxNode): Attribute | undefined {
  const nodes = children(node);
  const name = nodes[0];
  if (!name || name.type !== 'identifier') return undefined;
  const exprNode = nodes.find((c) => c.type === 'expression');
  const expr: Expression = exprNode
    ? ctx.expression(exprNode)
    : { kind: 'invalid', text: '', range: ctx.range(node.endIndex, node.endIndex) };
  return ctx.attribute(name.text, expr, node.startIndex, node.endIndex, name.startIndex, name.endIndex);
}

function convertBlock(ctx: ConvertContext, node: SyntaxNode): Block | undefined {
  const nodes = children(node);
  const typeNode = nodes[0];
  if (!typeNode || typeNode.type !== 'identifier') return undefined;
  const open = nodes.findIndex((n) => n.type === 'block_start');
  const labelNodes = nodes.slice(1, open === -1 ? nodes.length : open).filter((n) => n.type === 'string_lit' || n.type === 'identifier');
  const close = nodes.find((n, i) => i > open && open !== -1 && n.type === 'block_end' && !n.isMissing);
  const content = open === -1 ? [] : nodes.slice(open + 1).filter((n) => n.type !== 'block_end');
  const block = buildBlock(ctx, typeNode, labelNodes, open === -1 ? undefined : nodes[open], close, node.endIndex);
  convertBodyContent(ctx, content, block.body);
  fitBody(block.body);
  return block;
}

/** A block with an empty body from its header pieces; `endIndex` ends the block when there is no `}`. */
function buildBlock(
  ctx: ConvertContext,
  typeNode: SyntaxNode,
  labelNodes: SyntaxNode[],
  open: SyntaxNode | undefined,
  close: SyntaxNode | undefined,
  endIndex: number,
): Block {
  // Built by map: exact-length arrays (see fitBody).
  const labels =
    labelNodes.length === 0
      ? noItems<string>()
      : labelNodes.map((child) => {
          if (child.type !== 'string_lit') return child.text;
          const raw = ctx.source.slice(child.startIndex, child.endIndex);
          return labelValue(raw);
        });
  const labelRanges = labelNodes.length === 0 ? noItems<SourceRange>() : labelNodes.map((child) => ctx.nodeRange(child));
  const blockEnd = close ? close.endIndex : endIndex;
  const body: Body = { attributes: [], blocks: [], range: ctx.range(open ? open.startIndex : blockEnd, blockEnd) };
  if (close) body.endRange = ctx.nodeRange(close);
  return ctx.block(typeNode.text, labels, labelRanges, body, typeNode.startIndex, blockEnd, typeNode.startIndex, typeNode.endIndex);
}
