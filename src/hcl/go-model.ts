import type { SourceRange } from '../core/source-range.ts';
import { noItems, type Attribute, type BinaryOperator, type Block, type Body, type Expression, type ForExpr, type HclFile, type LiteralExpr, type ObjectItem, type TraversalStep } from './ast.ts';
import type { ConvertContext } from './convert-context.ts';
import { buildTemplate, heredocContentEnd, labelValue, type TemplateMarker } from './convert-template.ts';
import { utf16Indexes } from './position-map.ts';

/**
 * The AST of a file HashiCorp's HCL parser accepted, decoded from what the parser's WebAssembly module encodes of its
 * own AST (`scripts/hcl-syntax/encode.go`, which documents the format), so a valid file is parsed once, by HCL. The
 * result is the AST tree-sitter's converters build for the same file (`convert-*.ts`: same nodes, ranges and text;
 * `src/hcl/go-model.test.ts` checks it on every source we have). Positions arrive as UTF-8 byte offsets; names and
 * literal text are read from the source at their ranges, and template text is built by the same code as tree-sitter's
 * (`buildTemplate`). Where the module could not encode a file (`FALLBACK_REASONS`), the caller converts tree-sitter's
 * tree as before.
 */

/** The encoding's version: the module and this decoder must agree. */
const FORMAT = 1;

/** Why the module did not encode a file (its header's status; `fallback*` in encode.go). */
export const FALLBACK_REASONS: Readonly<Record<number, string>> = {
  1: 'template directive',
  2: 'deep nesting',
  3: 'interpolation markers',
  4: 'nested splat',
  5: 'expression kind',
  6: 'index key',
};

const BINARY_OPS: readonly BinaryOperator[] = ['||', '&&', '==', '!=', '<', '>', '<=', '>=', '+', '-', '*', '/', '%'];

/** The fallback reason of an encoded file, or 0 when it holds the file's AST. */
export function goModelStatus(encoded: Uint8Array): number {
  const words = new Uint32Array(encoded.buffer, encoded.byteOffset, 2);
  if (words[0] !== FORMAT) throw new Error(`the HCL parser module encodes format ${words[0]}, this decoder reads ${FORMAT}`);
  return words[1] ?? 0;
}

/** The body and comments of the file `ctx` describes, decoded from `encoded` (whose status must be 0). */
export function decodeGoModel(ctx: ConvertContext, encoded: Uint8Array): Pick<HclFile, 'body' | 'comments'> {
  return new Decoder(ctx, encoded).file();
}

class Decoder {
  private readonly words: Uint32Array;
  private at = 2;
  /** UTF-16 index of each UTF-8 byte offset (undefined: the source is ASCII, they are equal). */
  private readonly indexOf: Uint32Array | undefined;
  private readonly source: string;

  constructor(
    private readonly ctx: ConvertContext,
    private readonly bytes: Uint8Array,
  ) {
    this.words = new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength >> 2);
    this.source = ctx.source;
    this.indexOf = utf16Indexes(ctx.source);
  }

  file(): Pick<HclFile, 'body' | 'comments'> {
    const body: Body = { attributes: noItems(), blocks: noItems(), range: this.ctx.range(0, this.source.length) };
    this.bodyContent(body);
    const comments: HclFile['comments'] = [];
    const count = this.word();
    for (let i = 0; i < count; i++) {
      const start = this.index();
      const end = this.index();
      comments.push({ text: this.source.slice(start, end), line: this.ctx.positions.pos(start).line });
    }
    return { body, comments };
  }

  private word(): number {
    return this.words[this.at++] ?? 0;
  }

  /** The next word, a byte offset, as a UTF-16 index. */
  private index(): number {
    const byte = this.words[this.at++] ?? 0;
    return this.indexOf ? (this.indexOf[byte] ?? byte) : byte;
  }

  /** The source text between two indexes, one string per distinct text of the file (`ConvertContext.intern`). */
  private name(start: number, end: number): string {
    return this.ctx.intern(this.source.slice(start, end));
  }

  private range(): SourceRange {
    const start = this.index();
    return this.ctx.range(start, this.index());
  }

  private text(): string {
    const length = this.word();
    const start = this.at * 4;
    this.at += (length + 3) >> 2;
    return new TextDecoder().decode(this.bytes.subarray(start, start + length));
  }

  private bodyContent(body: Body): void {
    const attributes = this.word();
    if (attributes > 0) {
      body.attributes = new Array<Attribute>(attributes);
      for (let i = 0; i < attributes; i++) {
        const start = this.index();
        const end = this.index();
        const nameStart = this.index();
        const nameEnd = this.index();
        const expr = this.expr();
        body.attributes[i] = this.ctx.attribute(this.name(nameStart, nameEnd), expr, start, end, nameStart, nameEnd);
      }
    }
    const blocks = this.word();
    if (blocks > 0) {
      body.blocks = new Array<Block>(blocks);
      for (let i = 0; i < blocks; i++) body.blocks[i] = this.block();
    }
  }

  private block(): Block {
    const start = this.index();
    const end = this.index();
    const typeStart = this.index();
    const typeEnd = this.index();
    const count = this.word();
    const labels = count > 0 ? new Array<string>(count) : noItems<string>();
    const labelRanges = count > 0 ? new Array<SourceRange>(count) : noItems<SourceRange>();
    for (let i = 0; i < count; i++) {
      const labelStart = this.index();
      const labelEnd = this.index();
      const raw = this.source.slice(labelStart, labelEnd);
      labels[i] = this.ctx.intern(raw.startsWith('"') ? labelValue(raw) : raw);
      labelRanges[i] = this.ctx.range(labelStart, labelEnd);
    }
    const open = this.index();
    const closeStart = this.index();
    const closeEnd = this.index();
    const body: Body = { attributes: noItems(), blocks: noItems(), range: this.ctx.range(open, closeEnd) };
    body.endRange = this.ctx.range(closeStart, closeEnd);
    const block = this.ctx.block(this.name(typeStart, typeEnd), labels, labelRanges, body, start, end, typeStart, typeEnd);
    this.bodyContent(body);
    return block;
  }

  private expr(): Expression {
    const tag = this.word();
    const start = this.index();
    const end = this.index();
    const range = this.ctx.range(start, end);
    switch (tag) {
      case 1: {
        const text = this.name(start, end);
        const literal: LiteralExpr = { kind: 'literal', value: Number(text), numberText: text, range };
        return literal;
      }
      case 2:
        return { kind: 'literal', value: true, range };
      case 3:
        return { kind: 'literal', value: false, range };
      case 4:
        return { kind: 'literal', value: null, range };
      case 5:
        return this.template(start, end);
      case 6: {
        const rootStart = this.index();
        const rootEnd = this.index();
        const rootRange = this.ctx.range(rootStart, rootEnd);
        const steps = this.steps();
        return { kind: 'traversal', root: this.name(rootStart, rootEnd), rootRange, steps, range };
      }
      case 7: {
        const source = this.expr();
        return { kind: 'relative', source, steps: this.steps(), range };
      }
      case 8: {
        const nameStart = this.index();
        const nameEnd = this.index();
        const expandFinal = this.word() === 1;
        const args = this.list();
        return { kind: 'call', name: this.name(nameStart, nameEnd), nameRange: this.ctx.range(nameStart, nameEnd), args, expandFinal, range };
      }
      case 9:
        return { kind: 'tuple', items: this.list(), range };
      case 10: {
        const count = this.word();
        const items = count > 0 ? new Array<ObjectItem>(count) : noItems<ObjectItem>();
        for (let i = 0; i < count; i++) {
          const itemRange = this.range();
          const bare = this.word() === 1;
          let key: Expression;
          if (bare) {
            const keyStart = this.index();
            const keyEnd = this.index();
            key = { kind: 'literal', value: this.name(keyStart, keyEnd), range: this.ctx.range(keyStart, keyEnd) };
          } else key = this.expr();
          items[i] = { key, bareKey: bare, value: this.expr(), range: itemRange };
        }
        return { kind: 'object', items, range };
      }
      case 11: {
        const op = BINARY_OPS[this.word() - 1] ?? '+';
        const left = this.expr();
        return { kind: 'binary', op, left, right: this.expr(), range };
      }
      case 12: {
        const op = this.word() === 1 ? '!' : '-';
        return { kind: 'unary', op, operand: this.expr(), range };
      }
      case 13: {
        const condition = this.expr();
        const trueResult = this.expr();
        return { kind: 'conditional', condition, trueResult, falseResult: this.expr(), range };
      }
      case 14:
        return this.forExpr(range);
      case 15: {
        const full = this.word() === 1;
        return { kind: 'splat', source: this.expr(), each: this.steps(), full, range };
      }
      case 16:
        return { kind: 'parens', expr: this.expr(), range };
      default:
        throw new Error(`unknown expression tag ${tag} in the HCL parser module's encoding`);
    }
  }

  private list(): Expression[] {
    const count = this.word();
    const items = count > 0 ? new Array<Expression>(count) : noItems<Expression>();
    for (let i = 0; i < count; i++) items[i] = this.expr();
    return items;
  }

  private steps(): TraversalStep[] {
    const count = this.word();
    const steps = count > 0 ? new Array<TraversalStep>(count) : noItems<TraversalStep>();
    for (let i = 0; i < count; i++) {
      const kind = this.word();
      const start = this.index();
      const end = this.index();
      const range = this.ctx.range(start, end);
      if (kind === 1) {
        const nameStart = this.index();
        steps[i] = { kind: 'attr', name: this.name(nameStart, end), range };
      } else if (kind === 2) {
        steps[i] = { kind: 'index', key: this.expr(), range };
      } else {
        // Legacy `.0`: the key is the digits after the dot.
        const digits = this.source.slice(start + 1, end).trim();
        steps[i] = { kind: 'index', key: { kind: 'literal', value: Number(digits), numberText: digits, range: this.ctx.range(start + 1, end) }, range };
      }
    }
    return steps;
  }

  private forExpr(range: SourceRange): ForExpr {
    const flags = this.word();
    const keyVar = flags & 4 ? this.text() : undefined;
    const valueVar = this.text();
    const collection = this.expr();
    const keyExpr = flags & 1 ? this.expr() : undefined;
    const valueExpr = this.expr();
    const result: ForExpr = { kind: 'for', valueVar, collection, valueExpr, grouping: (flags & 2) !== 0, range };
    if (keyVar !== undefined) result.keyVar = keyVar;
    if (keyExpr) result.keyExpr = keyExpr;
    if (flags & 8) result.condition = this.expr();
    return result;
  }

  private template(start: number, end: number): Expression {
    const count = this.word();
    const markers = new Array<TemplateMarker>(count);
    for (let i = 0; i < count; i++) {
      const markerStart = this.index();
      const markerEnd = this.index();
      const flags = this.word();
      // Decoded now, in source order (the encoding is read front to back): the marker hands it over when asked.
      const expr = this.expr();
      markers[i] = { kind: 'interp', start: markerStart, end: markerEnd, stripLeft: (flags & 1) !== 0, stripRight: (flags & 2) !== 0, expr: () => expr };
    }
    const source = this.source;
    if (source.startsWith('<<', start)) {
      const indented = source[start + 2] === '-';
      const markerStart = start + (indented ? 3 : 2);
      const newline = source.indexOf('\n', markerStart);
      const marker = source.slice(markerStart, newline === -1 ? source.length : newline).trimEnd();
      const contentStart = newline === -1 ? source.length : newline + 1;
      // HCL's range may end after the closing marker's line break: the model's ends with the marker.
      const closeStart = source.lastIndexOf(marker, end - marker.length);
      const contentEnd = heredocContentEnd(source, contentStart, closeStart, true);
      return buildTemplate(this.ctx, start, closeStart + marker.length, { start: contentStart, end: contentEnd, heredoc: { marker, indented } }, markers);
    }
    return buildTemplate(this.ctx, start, end, { start: start + 1, end: Math.max(start + 1, end - 1) }, markers);
  }
}

