import type { Block, Expression } from '../hcl/ast.ts';
import type { FixValue } from './policy-fix-spec.ts';
import { aloneOnLines, indentationAt, lineSpan, sliceBytes, type SourceEdit } from './source-edit.ts';

/**
 * Small text edits that add to an HCL body the way a person would: on their own lines, indented like their
 * neighbours, `=` aligned with the argument above when that one is aligned. Nothing else in the file moves.
 */

/** An HCL literal for a YAML value (strings JSON-quoted, with `${`/`%{` escaped). */
export function hclValue(value: FixValue): string {
  if (typeof value === 'string') return JSON.stringify(value).replace(/\$\{/g, '$${').replace(/%\{/g, '%%{');
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(hclValue).join(', ')}]`;
  return `{ ${Object.entries(value).map(([k, v]) => `${/^[A-Za-z_][\w-]*$/.test(k) ? k : JSON.stringify(k)} = ${hclValue(v)}`).join(', ')} }`;
}

/** True for expressions a fix may overwrite: literals and collections of literals, templates without interpolation. */
export function isLiteral(expr: Expression): boolean {
  switch (expr.kind) {
    case 'literal':
      return true;
    case 'template':
      return !expr.heredoc && expr.parts.every((p) => p.kind === 'text');
    case 'tuple':
      return expr.items.every(isLiteral);
    case 'object':
      return expr.items.every((i) => i.bareKey && isLiteral(i.value));
    default:
      return false;
  }
}

/** Inserts `name = valueText` into `block`'s body after its last argument (or at its start). */
export function insertAttribute(file: string, source: string, block: Block, name: string, valueText: string): SourceEdit | undefined {
  const body = block.body;
  const last = body.attributes.at(-1);
  if (last) {
    if (!aloneOnLines(source, last.range.start.byte, last.range.end.byte)) return undefined;
    const indent = indentationAt(source, last.range.start.byte);
    const [, end] = lineSpan(source, last.range.start.byte, last.range.end.byte);
    const lineText = sliceBytes(source, last.range.start.byte, last.range.end.byte).split('\n')[0] ?? '';
    const eq = lineText.indexOf('=', last.name.length);
    const alignedWidth = eq > last.name.length + 1 ? eq : 0;
    const pad = ' '.repeat(Math.max(1, alignedWidth - name.length));
    return { file, start: end, end, text: `${indent}${name}${alignedWidth ? pad : ' '}= ${valueText}\n` };
  }
  return insertLines(file, source, block, [`${name} = ${valueText}`], false);
}

/** Inserts a nested block `type { body }` at the end of `block`'s body (after a blank line when the body has content). */
export function insertBlock(file: string, source: string, block: Block, type: string, bodyText: string): SourceEdit | undefined {
  const lines = bodyText.replace(/\s+$/, '').split('\n');
  return insertLines(file, source, block, [`${type} {`, ...lines.map((l) => (l.trim() === '' ? '' : `  ${l}`)), '}'], true);
}

/**
 * Inserts lines at the end of `block`'s body (after its last argument or nested block), indented one level deeper
 * than the block; `separate` puts a blank line before them when the body already has content.
 */
function insertLines(file: string, source: string, block: Block, lines: string[], separate: boolean): SourceEdit | undefined {
  const close = block.body.endRange;
  if (!close) return undefined;
  const outer = indentationAt(source, block.range.start.byte);
  const inner = `${outer}  `;
  const indented = lines.map((l) => (l === '' ? '' : `${inner}${l}`)).join('\n');
  const items = [...block.body.attributes.map((a) => a.range), ...block.body.blocks.map((b) => b.range)].sort((a, b) => a.end.byte - b.end.byte);
  const lastItem = items.at(-1);
  const open = block.body.range.start.byte;
  if (!lastItem) {
    const between = sliceBytes(source, open + 1, close.start.byte);
    if (between.trim() !== '') return undefined;
    // `{}` or `{ }` or `{\n}`: rewrite the inside.
    return { file, start: open + 1, end: close.start.byte, text: `\n${indented}\n${outer}` };
  }
  if (!aloneOnLines(source, lastItem.start.byte, lastItem.end.byte)) return undefined;
  const [, end] = lineSpan(source, lastItem.start.byte, lastItem.end.byte);
  return { file, start: end, end, text: `${separate ? '\n' : ''}${indented}\n` };
}

/** New top-level resource blocks inserted after `after` (a top-level block), each after a blank line. */
export function insertResourcesAfter(file: string, source: string, after: Block, blocks: ReadonlyArray<{ type: string; name: string; lines: string[] }>): SourceEdit {
  const indent = indentationAt(source, after.range.start.byte);
  const text = blocks
    .map(({ type, name, lines }) => {
      const body = lines.map((l) => (l.trim() === '' ? '' : `${indent}  ${l}`)).join('\n');
      return `\n\n${indent}resource "${type}" "${name}" {\n${body}\n${indent}}`;
    })
    .join('');
  return { file, start: after.range.end.byte, end: after.range.end.byte, text };
}
