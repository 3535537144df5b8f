import type { Node as SyntaxNode } from 'web-tree-sitter';
import type { Diagnostic } from '../core/diagnostics.ts';
import type { SourceRange } from '../core/source-range.ts';
import type { Expression, InvalidExpr } from './ast.ts';
import { PositionMap } from './position-map.ts';

/** Deepest expression nesting converted; deeper input becomes an `invalid` expression plus one error. */
export const MAX_EXPRESSION_DEPTH = 256;

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

  range(startIndex: number, endIndex: number): SourceRange {
    if (this.indexMap) return this.positions.range(this.indexMap(startIndex), this.indexMap(endIndex));
    return this.positions.range(startIndex, endIndex);
  }

  nodeRange(node: SyntaxNode): SourceRange {
    return this.range(node.startIndex, node.endIndex);
  }

  expression(node: SyntaxNode): Expression {
    if (this.depth >= MAX_EXPRESSION_DEPTH) {
      if (!this.depthReported) {
        this.depthReported = true;
        this.diagnostics.push({
          severity: 'error',
          summary: 'Expression nested too deeply',
          detail: `This expression is nested more than ${MAX_EXPRESSION_DEPTH} levels deep, which iacpac does not analyse. Split it into smaller expressions, for example with locals.`,
          range: this.nodeRange(node),
          source: 'hcl',
          code: 'expression-too-deep',
        });
      }
      return this.invalid(node);
    }
    this.depth++;
    try {
      return this.expressionConverter(this, node);
    } finally {
      this.depth--;
    }
  }

  invalid(node: SyntaxNode): InvalidExpr {
    return { kind: 'invalid', text: this.source.slice(node.startIndex, node.endIndex), range: this.nodeRange(node) };
  }
}
