import type { Parser } from 'web-tree-sitter';
import type { Diagnostic } from '../core/diagnostics.ts';
import type { Attribute, Block, Body, Expression, HclFile, ObjectItem } from './ast.ts';
import { ConvertContext } from './convert-context.ts';
import { children, convertExpressionNode } from './convert-expression.ts';
import { parseJsonWithPositions, type JsonNode } from './json-value.ts';
import { PositionMap, spanRanges } from './position-map.ts';
import { hclSyntaxDiagnostics } from './syntax-check.ts';
import { maskForGrammar, readWholeTree, terraformParser } from './tree-sitter.ts';

/**
 * Terraform's JSON syntax (`*.tf.json`, `*.tfvars.json`) read into the same AST as native files.
 * Without provider schemas, nested objects inside resources are attributes (object expressions),
 * except the block types Terraform itself defines (lifecycle, provisioner, dynamic, ...).
 * Strings are templates (`"a-${var.x}"` is parsed as HCL, with the JSON string token as its range, as
 * in Terraform); meta-arguments that take bare expressions
 * (`depends_on`, `provider`, variable `type`, ...) are parsed as expressions. Values in
 * `*.tfvars.json` are literal.
 */

/** Label counts of the block types Terraform's own language defines, by parent block type. */
const BLOCK_LABELS: Record<string, Record<string, number>> = {
  '': { resource: 2, data: 2, ephemeral: 2, variable: 1, output: 1, module: 1, provider: 1, locals: 0, terraform: 0, moved: 0, import: 0, removed: 0, check: 1 },
  resource: { lifecycle: 0, connection: 0, provisioner: 1, dynamic: 1 },
  data: { lifecycle: 0, dynamic: 1 },
  ephemeral: { lifecycle: 0, dynamic: 1 },
  variable: { validation: 0 },
  output: { precondition: 0 },
  lifecycle: { precondition: 0, postcondition: 0 },
  provisioner: { connection: 0 },
  dynamic: { content: 0 },
  terraform: { required_providers: 0, backend: 1, cloud: 0, provider_meta: 1 },
  check: { assert: 0, data: 2 },
  removed: { lifecycle: 0 },
};

/** Attributes whose string values are bare expressions in JSON syntax (not templates). */
const EXPRESSION_ATTRIBUTES = new Set(['depends_on', 'provider', 'type', 'ignore_changes', 'replace_triggered_by', 'providers', 'from', 'to', 'to_id']);

interface JsonContext {
  filename: string;
  source: string;
  positions: PositionMap;
  parser: Parser;
  diagnostics: Diagnostic[];
  comments: Array<{ text: string; line: number }>;
  literalStrings: boolean;
  /** Embedded templates/expressions to check with HCL after the synchronous conversion. */
  pendingChecks: Array<{ synthetic: string; indexMap: (index: number) => number }>;
}

export async function parseJsonFile(filename: string, source: string): Promise<HclFile> {
  const positions = new PositionMap(filename, source);
  const ctx: JsonContext = {
    filename,
    source,
    positions,
    parser: await terraformParser(),
    diagnostics: [],
    comments: [],
    literalStrings: filename.endsWith('.tfvars.json'),
    pendingChecks: [],
  };
  const body: Body = { attributes: [], blocks: [], range: positions.range(0, source.length) };
  const { value: root, problems } = parseJsonWithPositions(source);
  for (const problem of problems) {
    ctx.diagnostics.push({
      severity: 'error',
      summary: problem.summary,
      detail: problem.detail,
      range: positions.range(problem.start, problem.end),
      source: 'hcl',
      code: problem.code ?? 'syntax',
    });
  }
  if (problems.some((p) => p.code === 'nesting-too-deep')) return { filename, source, body, syntaxErrors: ctx.diagnostics, comments: ctx.comments };
  if (root.type === 'object') fillBody(ctx, root, body, ctx.literalStrings ? undefined : '');
  else if (root.type === 'array') {
    for (const item of root.items) {
      if (item.type === 'object') fillBody(ctx, item, body, ctx.literalStrings ? undefined : '');
      else ctx.diagnostics.push(jsonError(ctx, item, 'Incorrect JSON value type', 'A JSON object is required here, to define arguments and child blocks.'));
    }
  } else {
    ctx.diagnostics.push(
      jsonError(ctx, root, 'Root value must be object', 'The root value in a JSON-based configuration must be either a JSON object or a JSON array of objects.'),
    );
  }
  await checkEmbedded(ctx);
  return { filename, source, body, syntaxErrors: ctx.diagnostics, comments: ctx.comments };
}

/**
 * HCL's verdict on the embedded templates tree-sitter could not parse: the first problem HCL reports,
 * placed inside the JSON string (Terraform parses the string itself as a template, so the wording can
 * differ from Terraform's where the error is at the end of the string).
 */
async function checkEmbedded(ctx: JsonContext): Promise<void> {
  for (const { synthetic, indexMap } of ctx.pendingChecks) {
    const syntheticPositions = new PositionMap(ctx.filename, synthetic);
    const [first] = await hclSyntaxDiagnostics(synthetic, syntheticPositions);
    if (!first) continue;
    const start = first.range ? indexMap(syntheticPositions.indexOfLineColumn(first.range.start.line, first.range.start.column)) : 0;
    const end = first.range ? indexMap(syntheticPositions.indexOfLineColumn(first.range.end.line, first.range.end.column)) : 0;
    ctx.diagnostics.push({ ...first, range: ctx.positions.range(start, Math.max(start, end)) });
  }
}

/** `blockParent` is the enclosing block type ('' at the top), or undefined where only attributes exist. */
function fillBody(ctx: JsonContext, object: Extract<JsonNode, { type: 'object' }>, body: Body, blockParent: string | undefined): void {
  const labelsByType = blockParent === undefined ? undefined : BLOCK_LABELS[blockParent];
  for (const entry of object.entries) {
    if (entry.key === '//') {
      ctx.comments.push({ text: entry.value.type === 'string' ? entry.value.value : '', line: ctx.positions.pos(entry.keyStart).line });
      continue;
    }
    const labelCount = labelsByType?.[entry.key];
    const nameRange = ctx.positions.range(entry.keyStart, entry.keyEnd);
    if (labelCount !== undefined && blockParent === '' && entry.key === 'locals') {
      // `"locals": {...}` or `[{...}]`: a block of attributes.
      if (entry.value.type !== 'object' && entry.value.type !== 'array') {
        ctx.diagnostics.push(blockValueError(ctx, entry.value, entry.key));
        continue;
      }
      for (const bodyNode of entry.value.type === 'array' ? entry.value.items : [entry.value]) {
        if (bodyNode.type !== 'object') {
          ctx.diagnostics.push(jsonError(ctx, bodyNode, 'Incorrect JSON value type', 'A JSON object is required here, to define arguments and child blocks.'));
          continue;
        }
        const block = emptyBlock(ctx, { start: entry.keyStart, end: entry.keyEnd }, entry.key, [], bodyNode);
        fillBody(ctx, bodyNode, block.body, undefined);
        body.blocks.push(block);
      }
      continue;
    }
    if (labelCount !== undefined) {
      collectBlocks(ctx, entry.key, { start: entry.keyStart, end: entry.keyEnd }, entry.value, labelCount, [], body);
      continue;
    }
    const attribute: Attribute = {
      name: entry.key,
      expr: jsonExpression(ctx, entry.value, !ctx.literalStrings && EXPRESSION_ATTRIBUTES.has(entry.key)),
      range: ctx.positions.range(entry.keyStart, entry.value.end),
      nameRange,
    };
    body.attributes.push(attribute);
  }
}

interface Span {
  start: number;
  end: number;
}

function emptyBlock(
  ctx: JsonContext,
  typeSpan: Span,
  type: string,
  labels: Array<{ value: string; start: number; end: number }>,
  bodyNode: JsonNode,
): Block {
  const typeRange = ctx.positions.range(typeSpan.start, typeSpan.end);
  const labelRanges = labels.map((l) => ctx.positions.range(l.start, l.end));
  const last = labelRanges[labelRanges.length - 1] ?? typeRange;
  return {
    type,
    labels: labels.map((l) => l.value),
    body: {
      attributes: [],
      blocks: [],
      range: ctx.positions.range(bodyNode.start, bodyNode.end),
      endRange: ctx.positions.range(Math.max(bodyNode.start, bodyNode.end - 1), bodyNode.end),
    },
    range: ctx.positions.range(typeSpan.start, bodyNode.end),
    typeRange,
    labelRanges,
    defRange: spanRanges(typeRange, last),
  };
}

function collectBlocks(
  ctx: JsonContext,
  type: string,
  typeSpan: Span,
  value: JsonNode,
  labelsLeft: number,
  labels: Array<{ value: string; start: number; end: number }>,
  body: Body,
): void {
  if (labelsLeft > 0) {
    if (value.type !== 'object') {
      ctx.diagnostics.push(jsonError(ctx, value, 'Incorrect JSON value type', `A JSON object is required here, to define the labels of a ${type} block.`));
      return;
    }
    for (const entry of value.entries) {
      if (entry.key === '//') continue;
      collectBlocks(ctx, type, typeSpan, entry.value, labelsLeft - 1, [...labels, { value: entry.key, start: entry.keyStart, end: entry.keyEnd }], body);
    }
    return;
  }
  if (value.type !== 'object' && value.type !== 'array') {
    ctx.diagnostics.push(blockValueError(ctx, value, type));
    return;
  }
  for (const bodyNode of value.type === 'array' ? value.items : [value]) {
    if (bodyNode.type !== 'object') {
      ctx.diagnostics.push(jsonError(ctx, bodyNode, 'Incorrect JSON value type', 'A JSON object is required here, to define arguments and child blocks.'));
      continue;
    }
    const block = emptyBlock(ctx, typeSpan, type, labels, bodyNode);
    fillBody(ctx, bodyNode, block.body, type);
    body.blocks.push(block);
  }
}

/** A block type's value that is neither an object nor an array of objects. */
function blockValueError(ctx: JsonContext, node: JsonNode, type: string): Diagnostic {
  return jsonError(
    ctx,
    node,
    'Incorrect JSON value type',
    `Either a JSON object or a JSON array is required, representing the contents of one or more "${type}" blocks.`,
  );
}

function jsonError(ctx: JsonContext, node: JsonNode, summary: string, detail: string): Diagnostic {
  return { severity: 'error', summary, detail, range: ctx.positions.range(node.start, node.end), source: 'hcl', code: 'syntax' };
}

function jsonExpression(ctx: JsonContext, node: JsonNode, bareExpression: boolean): Expression {
  const range = ctx.positions.range(node.start, node.end);
  switch (node.type) {
    case 'string':
      if (ctx.literalStrings) return { kind: 'literal', value: node.value, range };
      if (bareExpression) return embedded(ctx, node, 'expression');
      if (!node.value.includes('${') && !node.value.includes('%{')) return { kind: 'literal', value: node.value, range, jsonString: true };
      return embedded(ctx, node, 'template');
    case 'number':
      return { kind: 'literal', value: node.value, numberText: node.text, range };
    case 'boolean':
      return { kind: 'literal', value: node.value, range };
    case 'null':
      return { kind: 'literal', value: null, range };
    case 'invalid':
      return { kind: 'invalid', text: ctx.source.slice(node.start, node.end), range };
    case 'array':
      return { kind: 'tuple', items: node.items.map((item) => jsonExpression(ctx, item, bareExpression)), range };
    case 'object': {
      const items: ObjectItem[] = node.entries
        .filter((entry) => entry.key !== '//')
        .map((entry) => {
          const keyRange = ctx.positions.range(entry.keyStart, entry.keyEnd);
          const keyNode: JsonNode = { type: 'string', value: entry.key, start: entry.keyStart, end: entry.keyEnd };
          const key: Expression = ctx.literalStrings || !entry.key.includes('${')
            ? { kind: 'literal', value: entry.key, range: keyRange }
            : embedded(ctx, keyNode, 'template');
          return { key, bareKey: false, value: jsonExpression(ctx, entry.value, bareExpression), range: ctx.positions.range(entry.keyStart, entry.value.end) };
        });
      return { kind: 'object', items, range };
    }
  }
}

/**
 * Parses the content of a JSON string as an HCL template or expression. Positions inside it map to
 * the string's characters (exact unless the string uses JSON escapes).
 */
function embedded(ctx: JsonContext, node: Extract<JsonNode, { type: 'string' }>, mode: 'template' | 'expression'): Expression {
  const content = node.value;
  let marker = 'EOT';
  while (content.includes(marker)) marker += '_';
  const prefix = mode === 'template' ? `x = <<${marker}\n` : 'x = ';
  const synthetic = mode === 'template' ? `${prefix}${content}\n${marker}\n` : `${prefix}${content}\n`;
  const contentStart = node.start + 1;
  const contentEnd = node.end - 1;
  const indexMap = (index: number): number => Math.max(node.start, Math.min(contentEnd, contentStart + index - prefix.length));
  const input = maskForGrammar(synthetic);
  const tree = ctx.parser.parse(input);
  const range = ctx.positions.range(node.start, node.end);
  if (!tree) return { kind: 'invalid', text: content, range };
  try {
    const sub = new ConvertContext(ctx.filename, synthetic, ctx.positions, indexMap);
    sub.expressionConverter = convertExpressionNode;
    const hasError = tree.rootNode.hasError;
    const root = readWholeTree(tree, input);
    const attribute = children(root).flatMap((n) => (n.type === 'body' ? children(n) : [n])).find((n) => n.type === 'attribute');
    const exprNode = attribute ? children(attribute).find((n) => n.type === 'expression') : undefined;
    if (!exprNode || hasError) {
      ctx.pendingChecks.push({ synthetic, indexMap });
      return { kind: 'invalid', text: content, range };
    }
    let expr = sub.expression(exprNode);
    ctx.diagnostics.push(...sub.diagnostics);
    if (mode === 'template' && expr.kind === 'template') {
      // Drop the newline the heredoc wrapper added, and the heredoc marker itself.
      const last = expr.parts[expr.parts.length - 1];
      if (last?.kind === 'text') {
        last.value = last.value.replace(/\n$/, '');
        if (last.value === '') expr.parts.pop();
      }
      expr = { kind: 'template', parts: expr.parts, range, jsonString: true };
      if (expr.parts.every((p) => p.kind === 'text')) {
        return { kind: 'literal', value: expr.parts.map((p) => (p.kind === 'text' ? p.value : '')).join(''), range, jsonString: true };
      }
    }
    return expr;
  } finally {
    tree.delete();
  }
}
