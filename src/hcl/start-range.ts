import type { SourceRange } from '../core/source-range.ts';
import type { Expression } from './ast.ts';

/**
 * HCL's `StartRange()` of an expression: where diagnostics about a function argument (wrong type, invalid value,
 * one argument too many) point. The one implementation for the evaluator and the validator; every rule below is
 * checked against recorded `terraform validate -json` output (src/validate/__fixtures__/terraform/
 * function_argument_ranges and function_argument_ranges_json):
 * - a quoted string's text without its quotes; an empty string `""` points just past its closing quote;
 * - a template starts where its first part does: a text part's text (a heredoc's first line, after the
 *   indentation `<<-` strips), an interpolation's expression; a template that is a single interpolation
 *   (`"${x}"`) is the whole template, quotes included;
 * - a tuple, object or `for` expression is its opening bracket, a unary expression its operator, a call `name(`;
 * - parentheses, binary operators and conditionals start where their first operand (the condition) does;
 * - a string value of a JSON document (`*.tf.json`) is the whole JSON string, quotes included; expressions
 *   inside it follow the native rules, at positions that count decoded characters from the string's start.
 */
export function startRange(expr: Expression): SourceRange {
  const r = expr.range;
  switch (expr.kind) {
    case 'tuple':
    case 'object':
    case 'for':
    case 'unary':
      return firstChar(r);
    case 'call': {
      const { start, end } = expr.nameRange;
      return { filename: expr.nameRange.filename, start, end: { line: end.line, column: end.column + 1, byte: end.byte + 1 } };
    }
    case 'parens':
      return startRange(expr.expr);
    case 'binary':
      return startRange(expr.left);
    case 'conditional':
      return startRange(expr.condition);
    case 'literal':
      if (expr.jsonString || typeof expr.value !== 'string' || r.start.line !== r.end.line || r.end.byte - r.start.byte < 2) return r;
      return expr.value === '' ? afterEnd(r) : withoutQuotes(r);
    case 'template': {
      if (expr.jsonString) return r;
      const first = expr.parts[0];
      if (!first) return expr.heredoc ? r : afterEnd(r);
      if (first.kind === 'interpolation') return !expr.heredoc && expr.parts.length === 1 ? r : startRange(first.expr);
      if (first.kind !== 'text' || expr.heredoc) return first.range;
      // A quoted string's text part: without the quotes, should the part's range include them.
      const start = first.range.start.byte === r.start.byte ? shift(first.range.start, 1) : first.range.start;
      const end = first.range.end.byte >= r.end.byte ? shift(first.range.end, -1) : first.range.end;
      return { filename: first.range.filename, start, end };
    }
    default:
      return r;
  }
}

type Position = SourceRange['start'];

function shift(p: Position, by: number): Position {
  return { line: p.line, column: p.column + by, byte: p.byte + by };
}

function firstChar(r: SourceRange): SourceRange {
  return { filename: r.filename, start: r.start, end: shift(r.start, 1) };
}

function afterEnd(r: SourceRange): SourceRange {
  return { filename: r.filename, start: r.end, end: shift(r.end, 1) };
}

function withoutQuotes(r: SourceRange): SourceRange {
  return { filename: r.filename, start: shift(r.start, 1), end: shift(r.end, -1) };
}
