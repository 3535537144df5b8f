import type { Expression, LiteralExpr, TemplateExpr, TemplatePart } from './ast.ts';
import type { ConvertContext } from './convert-context.ts';
import { spanRanges } from './position-map.ts';
import type { SyntaxNode } from './syntax-tree.ts';

/**
 * Templates (quoted strings and heredocs) from the tree-sitter CST, following HCL's template parser:
 * the literal text is taken from the source between interpolations/directives (tree-sitter drops
 * whitespace from its literal nodes), escapes are decoded, strip markers (`~`) trim the neighbouring
 * literal, and `<<-` heredocs lose their common leading indentation.
 */

/** An interpolation or directive of a template, with the expression it holds converted on demand. */
export interface TemplateMarker {
  kind: 'interp' | 'if' | 'else' | 'endif' | 'for' | 'endfor';
  /** UTF-16 indexes of the marker: `${ ... }` or `%{ ... }`. */
  start: number;
  end: number;
  stripLeft: boolean;
  stripRight: boolean;
  /** The interpolated expression, or a directive's condition or collection. */
  expr?: () => Expression;
  /** The variable names of a `for` directive. */
  idents?: string[];
}

/** Where a template's content lies ([start, end) between its delimiters), and its heredoc marker. */
export interface TemplateBounds {
  start: number;
  end: number;
  heredoc?: { marker: string; indented: boolean };
}

type Token = { kind: 'lit'; value: string; start: number; end: number } | TemplateMarker | { kind: 'end' };

/** Content bounds of a template node: [start, end) of the text between the delimiters. */
function contentBounds(ctx: ConvertContext, node: SyntaxNode): TemplateBounds {
  const children = node.children;
  if (node.type === 'heredoc_template') {
    const startNode = children.find((c) => c.type === 'heredoc_start');
    const idents = children.filter((c) => c.type === 'heredoc_identifier');
    const open = idents[0];
    const close = idents.length > 1 ? idents[idents.length - 1] : undefined;
    const marker = open?.text ?? '';
    let start = open ? open.endIndex : node.startIndex;
    const newline = ctx.source.indexOf('\n', start);
    start = newline === -1 ? ctx.source.length : newline + 1;
    return { start, end: heredocContentEnd(ctx.source, start, close ? close.startIndex : node.endIndex, close !== undefined), heredoc: { marker, indented: startNode?.text === '<<-' } };
  }
  const first = children[0];
  const last = children[children.length - 1];
  const start = first && first.type === 'quoted_template_start' ? first.endIndex : node.startIndex;
  const end = last && last.type === 'quoted_template_end' && last !== first ? last.startIndex : node.endIndex;
  return { start, end: Math.max(start, end) };
}

/** Where a heredoc's content starting at `start` ends, given where its closing marker (if found) or the template ends. */
export function heredocContentEnd(source: string, start: number, end: number, closed: boolean): number {
  // The closing marker may be indented: content ends at the start of its line.
  const lineStart = source.lastIndexOf('\n', end - 1) + 1;
  if (closed && lineStart >= start) end = lineStart;
  return end < start ? start : end;
}

function stripFlags(node: SyntaxNode): { stripLeft: boolean; stripRight: boolean } {
  const children = node.children;
  let stripLeft = false;
  let stripRight = false;
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    if (child?.type !== 'strip_marker') continue;
    const prev = children[i - 1];
    if (prev && (prev.type === 'template_interpolation_start' || prev.type === 'template_directive_start')) stripLeft = true;
    else stripRight = true;
  }
  return { stripLeft, stripRight };
}

const MARKER_KINDS: Record<string, TemplateMarker['kind']> = {
  template_interpolation: 'interp',
  template_if_intro: 'if',
  template_else_intro: 'else',
  template_if_end: 'endif',
  template_for_start: 'for',
  template_for_end: 'endfor',
};

/** Flattens the interpolations/directives of a template node into markers, in source order. */
function collectMarkers(ctx: ConvertContext, node: SyntaxNode, out: TemplateMarker[]): void {
  for (const child of node.children) {
    switch (child.type) {
      case 'template_directive':
      case 'template_if':
      case 'template_for':
        collectMarkers(ctx, child, out);
        break;
      default: {
        const kind = MARKER_KINDS[child.type];
        if (!kind) break;
        const marker: TemplateMarker = { kind, start: child.startIndex, end: child.endIndex, ...stripFlags(child) };
        if (kind === 'interp' || kind === 'if' || kind === 'for') {
          const exprNode = child.namedChildren.find((c) => c.type === 'expression');
          marker.expr = () => (exprNode ? ctx.expression(exprNode) : ctx.invalid(child));
        }
        if (kind === 'for') marker.idents = child.namedChildren.filter((c) => c.type === 'identifier').map((c) => c.text);
        out.push(marker);
      }
    }
  }
}

/** The value of a block label written quoted (`"name"`, quotes included): its text between the quotes, decoded. */
export function labelValue(raw: string): string {
  return decodeQuoted(raw.replace(/^"/, '').replace(/"$/, ''));
}

/** Decodes a quoted-template literal chunk: `\n \r \t \" \\ \uNNNN \UNNNNNNNN`, `$${` and `%%{`. */
export function decodeQuoted(raw: string): string {
  if (!raw.includes('\\') && !raw.includes('$${') && !raw.includes('%%{')) return raw;
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i];
    if (ch === '\\' && i + 1 < raw.length) {
      const next = raw[i + 1];
      switch (next) {
        case 'n': out += '\n'; i++; continue;
        case 'r': out += '\r'; i++; continue;
        case 't': out += '\t'; i++; continue;
        case '"': out += '"'; i++; continue;
        case '\\': out += '\\'; i++; continue;
        case 'u':
        case 'U': {
          const len = next === 'u' ? 4 : 8;
          const hex = raw.slice(i + 2, i + 2 + len);
          if (hex.length === len && /^[0-9a-fA-F]+$/.test(hex)) {
            const code = Number.parseInt(hex, 16);
            if (code <= 0x10ffff) {
              out += String.fromCodePoint(code);
              i += 1 + len;
              continue;
            }
          }
          break;
        }
        default:
          break;
      }
      out += ch;
      continue;
    }
    if ((ch === '$' || ch === '%') && raw[i + 1] === ch && raw[i + 2] === '{') {
      out += `${ch}{`;
      i += 2;
      continue;
    }
    out += ch;
  }
  return out;
}

/** Decodes a heredoc literal chunk: only `$${` and `%%{` are escapes there. */
export function decodeHeredoc(raw: string): string {
  return raw.replace(/([$%])\1\{/g, '$1{');
}

/** Go's unicode.IsSpace, which HCL uses to strip (`~`) and to measure heredoc indentation (not JS `\s`). */
const GO_SPACE = '\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const SPACE = new RegExp(`^[${GO_SPACE}]+`, 'u');
const TRAILING_SPACE = new RegExp(`[${GO_SPACE}]+$`, 'u');

export function convertTemplate(ctx: ConvertContext, node: SyntaxNode): Expression {
  const markers: TemplateMarker[] = [];
  collectMarkers(ctx, node, markers);
  return buildTemplate(ctx, node.startIndex, node.endIndex, contentBounds(ctx, node), markers);
}

/**
 * The template (or, for a quoted string without interpolations, the literal) spanning UTF-16 indexes
 * [`nodeStart`, `nodeEnd`) with content `bounds` and `markers` in source order.
 */
export function buildTemplate(ctx: ConvertContext, nodeStart: number, nodeEnd: number, bounds: TemplateBounds, markers: readonly TemplateMarker[]): Expression {
  const { start, end, heredoc } = bounds;

  // 1. Token list: literal chunks between markers (per line in heredocs, as HCL's scanner does).
  const tokens: Token[] = [];
  const pushLiteral = (from: number, to: number): void => {
    if (to <= from) return;
    const raw = ctx.source.slice(from, to);
    if (!heredoc) {
      tokens.push({ kind: 'lit', value: decodeQuoted(raw), start: from, end: to });
      return;
    }
    let offset = from;
    for (const line of raw.split(/(?<=\n)/)) {
      tokens.push({ kind: 'lit', value: decodeHeredoc(line), start: offset, end: offset + line.length });
      offset += line.length;
    }
  };
  let cursor = start;
  for (const marker of markers) {
    pushLiteral(cursor, marker.start);
    tokens.push(marker);
    cursor = Math.max(cursor, marker.end);
  }
  pushLiteral(cursor, end);
  tokens.push({ kind: 'end' });

  // 2. Strip markers trim the literal before (`${~`) and after (`~}`) them.
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (!token || token.kind === 'lit' || token.kind === 'end') continue;
    const prev = tokens[i - 1];
    if (token.stripLeft && prev?.kind === 'lit') prev.value = prev.value.replace(TRAILING_SPACE, '');
    const next = tokens[i + 1];
    if (token.stripRight && next?.kind === 'lit') next.value = next.value.replace(SPACE, '');
  }

  // 3. `<<-` heredocs: remove the smallest indentation of all lines.
  const literalStarts = new Map<Token, number>();
  if (heredoc?.indented) flushHeredoc(tokens, literalStarts);

  // 4. Nest directives.
  const parts = buildParts(ctx, tokens, literalStarts);
  const range = ctx.range(nodeStart, nodeEnd);
  if (!heredoc && parts.every((p) => p.kind === 'text')) {
    const literal: LiteralExpr = { kind: 'literal', value: ctx.intern(parts.map((p) => (p.kind === 'text' ? p.value : '')).join('')), range };
    return literal;
  }
  const template: TemplateExpr = { kind: 'template', parts, range };
  if (heredoc) template.heredoc = heredoc;
  return template;
}

function flushHeredoc(tokens: Token[], literalStarts: Map<Token, number>): void {
  let minSpaces = Number.MAX_SAFE_INTEGER;
  let newline = true;
  const adjust: Array<Extract<Token, { kind: 'lit' }>> = [];
  for (const token of tokens) {
    if (newline) {
      newline = false;
      let spaces: number;
      if (token.kind === 'lit') {
        const trimmed = token.value.replace(SPACE, '');
        if (trimmed.length === 0 && token.value.endsWith('\n')) spaces = Number.MAX_SAFE_INTEGER;
        else {
          spaces = [...token.value.slice(0, token.value.length - trimmed.length)].length;
          adjust.push(token);
        }
      } else if (token.kind === 'end') break;
      else spaces = 0;
      if (spaces < minSpaces) minSpaces = spaces;
    }
    if (token.kind === 'lit' && token.value.endsWith('\n')) newline = true;
  }
  if (minSpaces === Number.MAX_SAFE_INTEGER) return;
  for (const token of adjust) {
    const chars = [...token.value];
    const removed = chars.slice(0, minSpaces).join('');
    token.value = chars.slice(minSpaces).join('');
    literalStarts.set(token, token.start + removed.length);
  }
}

interface Frame {
  parts: TemplatePart[];
  part?: Extract<TemplatePart, { kind: 'if' } | { kind: 'for' }>;
  inElse?: boolean;
}

/** The expression a marker holds (an empty `invalid` one when it holds none). */
function markerExpression(ctx: ConvertContext, marker: TemplateMarker): Expression {
  return marker.expr ? marker.expr() : { kind: 'invalid', text: ctx.source.slice(marker.start, marker.end), range: ctx.range(marker.start, marker.end) };
}

function buildParts(ctx: ConvertContext, tokens: Token[], literalStarts: Map<Token, number>): TemplatePart[] {
  const root: Frame = { parts: [] };
  const stack: Frame[] = [root];
  const top = (): Frame => stack[stack.length - 1] ?? root;
  const current = (): TemplatePart[] => {
    const frame = top();
    if (frame.part?.kind === 'if' && frame.inElse) return (frame.part.else ??= []);
    return frame.parts;
  };
  for (const token of tokens) {
    switch (token.kind) {
      case 'lit': {
        if (token.value === '') break;
        const from = literalStarts.get(token) ?? token.start;
        const range = ctx.range(from, token.end);
        const list = current();
        const prev = list[list.length - 1];
        if (prev?.kind === 'text') {
          prev.value += token.value;
          prev.range = spanRanges(prev.range, range);
        } else list.push({ kind: 'text', value: token.value, range });
        break;
      }
      case 'interp': {
        const expr = markerExpression(ctx, token);
        const part: TemplatePart = { kind: 'interpolation', expr, range: ctx.range(token.start, token.end) };
        if (token.stripLeft) part.stripLeft = true;
        if (token.stripRight) part.stripRight = true;
        current().push(part);
        break;
      }
      case 'if': {
        const part: Extract<TemplatePart, { kind: 'if' }> = {
          kind: 'if',
          cond: markerExpression(ctx, token),
          then: [],
          range: ctx.range(token.start, token.end),
        };
        current().push(part);
        stack.push({ parts: part.then, part });
        break;
      }
      case 'else': {
        const frame = top();
        if (frame.part?.kind === 'if') frame.inElse = true;
        break;
      }
      case 'for': {
        const idents = token.idents ?? [];
        const part: Extract<TemplatePart, { kind: 'for' }> = {
          kind: 'for',
          valueVar: idents.length > 1 ? (idents[1] ?? '') : (idents[0] ?? ''),
          collection: markerExpression(ctx, token),
          body: [],
          range: ctx.range(token.start, token.end),
        };
        if (idents.length > 1) part.keyVar = idents[0];
        current().push(part);
        stack.push({ parts: part.body, part });
        break;
      }
      case 'endif':
      case 'endfor': {
        const frame = top();
        if (frame.part && stack.length > 1) {
          frame.part.range = spanRanges(frame.part.range, ctx.range(token.start, token.end));
          stack.pop();
        }
        break;
      }
      case 'end':
        break;
    }
  }
  return root.parts;
}
