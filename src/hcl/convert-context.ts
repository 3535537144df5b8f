import type { Diagnostic } from '../core/diagnostics.ts';
import type { SourceRange } from '../core/source-range.ts';
import type { Attribute, Block, Body, Expression, InvalidExpr } from './ast.ts';
import { IndexRange, PositionMap, spanRanges } from './position-map.ts';
import type { SyntaxNode } from './syntax-tree.ts';

/** Deepest bracket/block nesting analysed (checked on the source before parsing). */
export const MAX_EXPRESSION_DEPTH = 256;

/**
 * Deepest nesting of syntax nodes converted (a bracket level is about 4 nodes, an operator 1); deeper
 * input becomes an `invalid` expression plus one error, so conversion never overflows the stack.
 */
export const MAX_CONVERT_DEPTH = 1024;

/** State shared by the CST → AST converters of one file. */
export class ConvertContext {
  readonly source: string;
  readonly positions: PositionMap;
  readonly diagnostics: Diagnostic[] = [];
  depth = 0;
  private depthReported = false;
  /** Set by convert-expression.ts (breaks the module cycle between templates and expressions). */
  expressionConverter: (ctx: ConvertContext, node: SyntaxNode) => Expression = (ctx, node) => ctx.invalid(node);

  /** Maps an index in `source` to an index in the file `positions` describes (embedded expressions). */
  private readonly indexMap: ((index: number) => number) | undefined;

  /**
   * `source` is the text the syntax tree was parsed from. For an expression embedded in another file
   * (a `"${...}"` string of a `.tf.json` file), pass that file's `positions` and an `indexMap` from
   * `source` indexes to file indexes.
   */
  constructor(filename: string, source: string, positions?: PositionMap, indexMap?: (index: number) => number) {
    this.source = source;
    this.positions = positions ?? new PositionMap(filename, source);
    this.indexMap = indexMap;
  }

  /** Texts made so far for this file's model (see {@link intern}). */
  private interned: Map<string, string> | undefined;

  /**
   * `text`, or the string already made for the same text in this file: a file names the same few attributes, block
   * types, variables and short literals over and over, and each slice or join is a new string (~30 bytes each).
   */
  intern(text: string): string {
    this.interned ??= new Map();
    const known = this.interned.get(text);
    if (known !== undefined) return known;
    this.interned.set(text, text);
    return text;
  }

  range(startIndex: number, endIndex: number): SourceRange {
    return this.positions.range(this.indexMap ? this.indexMap(startIndex) : startIndex, this.indexMap ? this.indexMap(endIndex) : endIndex);
  }

  /**
   * The attribute `name = expr` spanning `start`-`end` whose name spans `nameStart`-`nameEnd` (indexes in `source`).
   * Where the name starts the attribute (always in HCL's syntax), its range is computed from the attribute's when read
   * ({@link NameFirstAttribute}).
   */
  attribute(name: string, expr: Expression, start: number, end: number, nameStart: number, nameEnd: number): Attribute {
    const range = this.range(start, end);
    if (!this.indexMap && nameStart === start && nameEnd - nameStart === name.length && range instanceof IndexRange) {
      return new NameFirstAttribute(name, expr, range);
    }
    return { name, expr, range, nameRange: this.range(nameStart, nameEnd) };
  }

  /**
   * The block spanning `start`-`end` whose type keyword spans `typeStart`-`typeEnd` (indexes in `source`). Where the
   * keyword starts the block (always in HCL's syntax), its `typeRange` and `defRange` are computed when read
   * ({@link TypeFirstBlock}).
   */
  block(type: string, labels: string[], labelRanges: SourceRange[], body: Body, start: number, end: number, typeStart: number, typeEnd: number): Block {
    const range = this.range(start, end);
    if (!this.indexMap && typeStart === start && typeEnd - typeStart === type.length && range instanceof IndexRange) {
      return new TypeFirstBlock(type, labels, body, range, labelRanges);
    }
    const typeRange = this.range(typeStart, typeEnd);
    return { type, labels, body, range, typeRange, labelRanges, defRange: spanRanges(typeRange, labelRanges[labelRanges.length - 1] ?? typeRange) };
  }

  nodeRange(node: SyntaxNode): SourceRange {
    return this.range(node.startIndex, node.endIndex);
  }

  expression(node: SyntaxNode): Expression {
    return this.guard(node, () => this.expressionConverter(this, node));
  }

  /** Runs a nested conversion, or returns an `invalid` expression (and reports once) past the depth limit. */
  guard(node: SyntaxNode, convert: () => Expression, tooDeep = false): Expression {
    if (!this.enter(node, tooDeep)) return this.invalid(node);
    try {
      return convert();
    } finally {
      this.depth--;
    }
  }

  /** Enters one nesting level; false (after reporting once) when too deep. Pair a true result with `depth--`. */
  enter(node: SyntaxNode, tooDeep = false): boolean {
    if (tooDeep || this.depth >= MAX_CONVERT_DEPTH) {
      if (!this.depthReported) {
        this.depthReported = true;
        this.diagnostics.push({
          severity: 'error',
          summary: 'Nesting too deep',
          detail: `Expressions or blocks are nested too deeply here (more than ${MAX_CONVERT_DEPTH} syntax levels), which iacpac does not analyse. Split the expression or block into smaller parts, for example with locals.`,
          range: this.range(node.startIndex, Math.min(node.endIndex, node.startIndex + 1)),
          source: 'hcl',
          code: 'nesting-too-deep',
        });
      }
      return false;
    }
    this.depth++;
    return true;
  }

  /** Marks the depth problem as already reported (by the syntax pre-check). */
  suppressDepthDiagnostic(): void {
    this.depthReported = true;
  }

  invalid(node: SyntaxNode): InvalidExpr {
    return { kind: 'invalid', text: this.source.slice(node.startIndex, node.endIndex), range: this.nodeRange(node) };
  }
}

/**
 * An attribute whose name starts its range: its `nameRange` (the first `name.length` characters of `range`) is made
 * when read instead of kept, one range object fewer per attribute (about four per resource). A getter on the class,
 * so a copy by spreading (`{...attribute}`) would lose it: copy the fields by name. `toJSON` gives the plain shape.
 */
class NameFirstAttribute implements Attribute {
  constructor(
    readonly name: string,
    readonly expr: Expression,
    readonly range: IndexRange,
  ) {}

  get nameRange(): SourceRange {
    return this.range.head(this.name.length);
  }

  toJSON(): Attribute {
    return { name: this.name, expr: this.expr, range: this.range, nameRange: this.nameRange };
  }
}

/**
 * A block whose type keyword starts its range: its `typeRange` (the first `type.length` characters of `range`) and
 * `defRange` (type keyword through the last label) are made when read instead of kept, up to two range objects and
 * two fields fewer per block. Getters on the class, so a copy by spreading (`{...block}`) would lose them: copy the
 * fields by name (`terraform/load-override.ts` `withBody`). `toJSON` gives the plain shape.
 */
class TypeFirstBlock implements Block {
  constructor(
    readonly type: string,
    readonly labels: string[],
    readonly body: Body,
    readonly range: IndexRange,
    readonly labelRanges: SourceRange[],
  ) {}

  get typeRange(): SourceRange {
    return this.range.head(this.type.length);
  }

  get defRange(): SourceRange {
    const typeRange = this.typeRange;
    const last = this.labelRanges[this.labelRanges.length - 1];
    return last ? spanRanges(typeRange, last) : typeRange;
  }

  toJSON(): Block {
    const { type, labels, body, range, typeRange, labelRanges, defRange } = this;
    return { type, labels, body, range, typeRange, labelRanges, defRange };
  }
}
