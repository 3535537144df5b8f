import type { Attribute, Block, Body, Expression, ObjectExpr } from '../../hcl/ast.ts';
import type { CtyType } from '../../schema/provider-schema.ts';
import { attributeAt, blockAt, moduleOfFile, quotedNames, schemaOfChain } from '../locate.ts';
import type { RepairContext, ValidatorRepairRule } from '../repair.ts';
import { diagnosticsWithCode, replaceRange, textAt, validatorRepair } from '../repair-helpers.ts';
import { aloneOnLines, indentationAt, lineSpan, sliceBytes, type SourceEdit } from '../source-edit.ts';

const NOTE_VALUE_CHARS = 80;

/**
 * `Unsupported argument` with no close match: the argument is removed (whole lines), and the note keeps its text,
 * so nothing is lost silently. Only when the argument is alone on its lines.
 */
export const removeUnsupportedArgument: ValidatorRepairRule = {
  kind: 'remove-unsupported-argument',
  summary: 'an unsupported argument with no close match is removed (its text is kept in the note)',
  propose(context) {
    return diagnosticsWithCode(context, 'unsupported-argument').flatMap((d) => {
      if (/Did you mean/.test(d.detail)) return [];
      const [name] = quotedNames(d.detail);
      const file = context.files.get(d.range.filename);
      const source = context.sources.get(d.range.filename);
      const found = file ? attributeAt(file, d.range.start.byte) : undefined;
      if (!name || !source || !found || found.attribute.name !== name) return [];
      const { range } = found.attribute;
      if (!aloneOnLines(source, range.start.byte, range.end.byte)) return [];
      const [start, end] = lineSpan(source, range.start.byte, range.end.byte);
      const text = sliceBytes(source, range.start.byte, range.end.byte).replace(/\s+/g, ' ');
      const where = found.chain.length > 0 ? `${found.chain.map((b) => [b.type, ...b.labels].join(' ')).join(' > ')}` : 'the top level of the file';
      return [
        validatorRepair('remove-unsupported-argument', d, `remove the unsupported argument "${name}"`, [{ file: d.range.filename, start, end, text: '' }], `removed \`${text.length > NOTE_VALUE_CHARS ? `${text.slice(0, NOTE_VALUE_CHARS)}...` : text}\` from ${where}: no argument of that name, or close to it, exists there`),
      ];
    });
  },
};

/**
 * `Blocks of type "x" are not expected here. Did you mean to define argument "x"?`: `x { a = 1 }` becomes
 * `x = { a = 1 }` (or `x = [{ ... }]` when the argument is a list or set), when the block has no labels, no nested
 * blocks, and is the only block of that type there.
 */
export const blockToAttribute: ValidatorRepairRule = {
  kind: 'block-to-attribute',
  summary: 'a block written for an argument (`tags { ... }`) becomes the argument (`tags = { ... }`)',
  propose(context) {
    return diagnosticsWithCode(context, 'unsupported-block-type').flatMap((d) => {
      if (!/Did you mean to define argument/.test(d.detail)) return [];
      const file = context.files.get(d.range.filename);
      const found = file ? blockAt(file, d.range.start.byte) : undefined;
      const module = moduleOfFile(context.configuration, d.range.filename);
      if (!found || !module) return [];
      const { block, chain } = found;
      const parent = chain.at(-2);
      const siblings = (parent?.body ?? file!.body).blocks.filter((b) => b.type === block.type);
      if (block.labels.length > 0 || block.body.blocks.length > 0 || siblings.length !== 1 || !block.body.endRange) return [];
      const type = schemaOfChain(chain.slice(0, -1), module, context.schemas)?.attributes?.[block.type]?.type;
      if (type === undefined) return [];
      const list = Array.isArray(type) && (type[0] === 'list' || type[0] === 'set');
      const open = block.body.range.start.byte;
      const close = block.body.endRange;
      const edits: SourceEdit[] = [{ file: d.range.filename, start: block.typeRange.end.byte, end: open, text: list ? ' = [' : ' = ' }];
      if (list) edits.push({ file: d.range.filename, start: close.end.byte, end: close.end.byte, text: ']' });
      return [validatorRepair('block-to-attribute', d, `write "${block.type}" as an argument (${block.type} = ${list ? '[{ ... }]' : '{ ... }'}) instead of a block`, edits)];
    });
  },
};

/**
 * `An argument named "x" is not expected here. Did you mean to define a block of type "x"?`: `x = { a = 1 }`
 * becomes the block `x { a = 1 }`, a tuple of objects one block per object. Commas between items become newlines,
 * `key: value` becomes `key = value`; comments inside the object stay. Only for objects with identifier keys.
 */
export const attributeToBlock: ValidatorRepairRule = {
  kind: 'attribute-to-block',
  summary: 'an argument written for a nested block (`versioning_configuration = { ... }`) becomes the block',
  propose(context) {
    return diagnosticsWithCode(context, 'unsupported-argument').flatMap((d) => {
      if (!/Did you mean to define a block of type/.test(d.detail)) return [];
      const file = context.files.get(d.range.filename);
      const source = context.sources.get(d.range.filename);
      const found = file ? attributeAt(file, d.range.start.byte) : undefined;
      if (!found || !source) return [];
      const { attribute } = found;
      const objects = objectsOf(attribute.expr);
      if (!objects) return [];
      const indent = indentationAt(source, attribute.range.start.byte);
      const blocks: string[] = [];
      for (const object of objects) {
        const body = blockBodyText(source, object, `${indent}  `);
        if (body === undefined) return [];
        blocks.push(`${attribute.name} ${body}`);
      }
      return [validatorRepair('attribute-to-block', d, `write "${attribute.name}" as ${objects.length === 1 ? 'a nested block' : `${objects.length} nested blocks`} instead of an argument`, [replaceRange(attribute.range, blocks.join(`\n${indent}`))])];
    });
  },
};

function objectsOf(expr: Expression): ObjectExpr[] | undefined {
  if (expr.kind === 'object') return [expr];
  if (expr.kind === 'tuple' && expr.items.length > 0 && expr.items.every((i) => i.kind === 'object')) return expr.items as ObjectExpr[];
  return undefined;
}

/** The object's source text as a block body: `{`, one item per line (`key = value`), `}`. Undefined if not possible. */
function blockBodyText(source: string, object: ObjectExpr, itemIndent: string): string | undefined {
  if (object.items.some((item) => !item.bareKey)) return undefined;
  const bytes = Buffer.from(source, 'utf8');
  const text = (start: number, end: number) => bytes.subarray(start, end).toString('utf8');
  const open = object.range.start.byte;
  const close = object.range.end.byte - 1;
  if (text(open, open + 1) !== '{' || text(close, close + 1) !== '}') return undefined;
  if (object.items.length === 0) return '{}';
  const parts: string[] = ['{'];
  let cursor = open + 1;
  object.items.forEach((item, index) => {
    const gap = text(cursor, item.key.range.start.byte).replace(/,/g, '');
    parts.push(gap.includes('\n') ? gap : `\n${itemIndent}`);
    const key = text(item.key.range.start.byte, item.key.range.end.byte);
    const separator = text(item.key.range.end.byte, item.value.range.start.byte).replace(':', '=');
    parts.push(key, separator.includes('=') ? separator : ' = ', text(item.value.range.start.byte, item.value.range.end.byte));
    cursor = item.value.range.end.byte;
    if (index === object.items.length - 1) {
      const tail = text(cursor, close).replace(/,/g, '');
      parts.push(tail.includes('\n') ? tail : `\n${itemIndent.slice(2)}`);
    }
  });
  parts.push('}');
  return parts.join('');
}

/**
 * `Unclosed configuration block`: a `}` is added where the block evidently ends: before the next line that starts a
 * top-level block at column 1 (`resource "..." "..." {`, `output "x" {`, `locals {`, ...), or at the end of the file;
 * indented like the line that opened the block.
 */
export const closeUnclosedBlock: ValidatorRepairRule = {
  kind: 'close-unclosed-block',
  summary: 'an unclosed block gets its `}` before the next top-level block header (or at the end of the file)',
  propose(context) {
    return diagnosticsWithCode(context, 'syntax').flatMap((d) => {
      if (d.summary !== 'Unclosed configuration block') return [];
      const source = context.sources.get(d.range.filename)!;
      const bytes = Buffer.from(source, 'utf8');
      if (bytes[d.range.start.byte] !== 0x7b) return [];
      const indent = indentationAt(source, d.range.start.byte);
      const afterOpen = bytes.indexOf(0x0a, d.range.start.byte);
      let insertAt = bytes.length;
      if (afterOpen >= 0) {
        const rest = bytes.subarray(afterOpen + 1).toString('utf8');
        const header = /^(?:resource|data|module|variable|output|locals|provider|terraform|moved|import|check|removed)(?:[ \t]+(?:"[^"\n]*"|[A-Za-z_][\w-]*))*[ \t]*\{[ \t]*(?:#[^\n]*)?$/m.exec(rest);
        if (header) insertAt = afterOpen + 1 + Buffer.byteLength(rest.slice(0, header.index));
      }
      // Back over blank lines, so the brace follows the block's last line.
      let at = insertAt;
      while (at > 0 && /\s/.test(String.fromCharCode(bytes[at - 1]!))) at--;
      const text = `\n${indent}}`;
      return [validatorRepair('close-unclosed-block', d, `close the block opened at line ${d.range.start.line} with "}"`, [{ file: d.range.filename, start: at, end: at, text: at === bytes.length ? `${text}\n` : text }])];
    });
  },
};

/**
 * `Duplicate resource "t" configuration`: when the second declaration is the same text as the first (whitespace
 * aside), the second one is removed with its lines.
 */
export const removeDuplicateBlock: ValidatorRepairRule = {
  kind: 'remove-duplicate-block',
  summary: 'a resource declared twice with identical text loses its second copy',
  propose(context) {
    return diagnosticsWithCode(context, 'duplicate-resource').flatMap((d) => {
      const module = moduleOfFile(context.configuration, d.range.filename);
      const file = context.files.get(d.range.filename);
      const source = context.sources.get(d.range.filename);
      const later = file?.body.blocks.find((b) => b.defRange.start.byte === d.range.start.byte);
      if (!module || !source || !later) return [];
      const first = module.files
        .flatMap((f) => f.body.blocks.map((block) => ({ block, file: f })))
        .find((x) => x.block !== later && x.block.type === later.type && x.block.labels.join('\0') === later.labels.join('\0'));
      if (!first) return [];
      const normalized = (text: string) => text.replace(/\s+/g, ' ').trim();
      const firstText = sliceBytes(first.file.source, first.block.range.start.byte, first.block.range.end.byte);
      const laterText = sliceBytes(source, later.range.start.byte, later.range.end.byte);
      if (normalized(firstText) !== normalized(laterText) || !aloneOnLines(source, later.range.start.byte, later.range.end.byte)) return [];
      let [start, end] = lineSpan(source, later.range.start.byte, later.range.end.byte);
      // Also one blank line before it, so no double blank line is left behind.
      const before = Buffer.from(source, 'utf8').subarray(0, start).toString('utf8');
      if (/\n[ \t]*\n$/.test(before)) start -= Buffer.byteLength(/\n([ \t]*\n)$/.exec(before)![1]!);
      return [validatorRepair('remove-duplicate-block', d, `remove the second, identical declaration of ${later.labels.join('.')}`, [{ file: d.range.filename, start, end, text: '' }])];
    });
  },
};

/**
 * `Argument is deprecated: x is deprecated. Use y instead.` (the provider's deprecation message): the argument is
 * renamed when `y` is an argument of the same block with the same type that is not set yet.
 */
export const renameDeprecatedArgument: ValidatorRepairRule = {
  kind: 'rename-deprecated-argument',
  summary: 'a deprecated argument whose replacement is an argument of the same type in the same block is renamed to it',
  propose(context) {
    return context.diagnostics.flatMap((d) => {
      if (d.severity !== 'warning' || d.summary !== 'Argument is deprecated' || !d.range) return [];
      const match = /^(\w+) is deprecated\. Use (\w+) instead\.?/.exec(d.detail);
      const file = context.files.get(d.range.filename);
      const module = moduleOfFile(context.configuration, d.range.filename);
      if (!match || !file || !module) return [];
      const [, from, to] = match as unknown as [string, string, string];
      const found = attributeContaining(file.body, d.range.start.byte, from);
      if (!found) return [];
      const schema = schemaOfChain(found.chain, module, context.schemas);
      const fromType = schema?.attributes?.[from]?.type;
      const target = schema?.attributes?.[to];
      const body = found.chain.at(-1)?.body;
      if (!schema || !target || target.deprecated || !sameType(fromType, target.type) || !body || body.attributes.some((a) => a.name === to)) return [];
      const range = found.attribute.nameRange;
      return [{ ...validatorRepair('rename-deprecated-argument', { ...d, range }, `rename the deprecated argument "${from}" to "${to}"`, [replaceRange(range, to)]), reason: `Warning: ${d.summary}: ${d.detail}` }];
    });
  },
};

/** The attribute named `name` whose text contains byte `at` (a warning may point at the name or the value). */
function attributeContaining(body: Body, at: number, name: string, chain: Block[] = []): { attribute: Attribute; chain: Block[] } | undefined {
  const attribute = body.attributes.find((a) => a.name === name && a.range.start.byte <= at && at < a.range.end.byte);
  if (attribute) return { attribute, chain };
  const block = body.blocks.find((b) => b.range.start.byte <= at && at < b.range.end.byte);
  return block && chain.length < 64 ? attributeContaining(block.body, at, name, [...chain, block]) : undefined;
}

function sameType(a: CtyType | undefined, b: CtyType | undefined): boolean {
  return a !== undefined && JSON.stringify(a) === JSON.stringify(b);
}

export type { RepairContext };
