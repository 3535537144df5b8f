import type { Attribute, Block, Body } from '../../hcl/ast.ts';
import { blockChainAt } from '../locate.ts';
import type { ValidatorRepairRule } from '../repair.ts';
import { validatorRepair } from '../repair-helpers.ts';
import { insertResourcesAfter } from '../hcl-insert.ts';
import { aloneOnLines, lineSpan, sliceBytes, type SourceEdit } from '../source-edit.ts';

/**
 * aws 4.x wrote a bucket's settings inside `aws_s3_bucket`; aws 5 deprecates them for one resource per setting. How
 * each inline setting becomes the body of its resource (after `bucket = aws_s3_bucket.<name>.id`), or undefined
 * when it cannot be moved for certain (a value only the author could choose, text that cannot be re-indented).
 */
type Move = (items: Array<Attribute | Block>, text: (item: Attribute | Block) => string | undefined) => string[] | undefined;

const literalBool = (body: Body, name: string): boolean | undefined => {
  const expr = body.attributes.find((a) => a.name === name)?.expr;
  return expr?.kind === 'literal' && typeof expr.value === 'boolean' ? expr.value : undefined;
};
const onlyNames = (body: Body, attributes: string[], blocks: string[] = []) =>
  body.attributes.every((a) => attributes.includes(a.name)) && body.blocks.every((b) => blocks.includes(b.type));
const isBlock = (item: Attribute | Block): item is Block => 'body' in item;

/** The inline argument's value as it is written: `name = <value>`. */
const argumentAs = (name: string): Move => (items, text) => {
  const [item] = items;
  const value = item && !isBlock(item) ? text(item) : undefined;
  return items.length === 1 && value !== undefined && !value.includes('\n') ? [`${name} = ${value}`] : undefined;
};

/** The inline blocks' bodies as blocks of the new resource (`wrapper` names them, or their bodies are the resource's own). */
const blocksAs = (wrapper?: string): Move => (items, text) => {
  const out: string[] = [];
  for (const item of items) {
    const body = isBlock(item) ? text(item) : undefined;
    if (body === undefined) return undefined;
    if (!wrapper) out.push(...body.split('\n'));
    else out.push(`${wrapper} {`, ...body.split('\n').map((l) => (l === '' ? '' : `  ${l}`)), '}');
  }
  return out;
};

const versioning: Move = (items) => {
  const [block] = items;
  if (items.length !== 1 || !block || !isBlock(block) || !onlyNames(block.body, ['enabled', 'mfa_delete'])) return undefined;
  // `enabled = false` is "Disabled" for a bucket that never had versioning and "Suspended" for one that had: not certain.
  if (literalBool(block.body, 'enabled') !== true) return undefined;
  const mfa = block.body.attributes.some((a) => a.name === 'mfa_delete') ? literalBool(block.body, 'mfa_delete') : undefined;
  if (block.body.attributes.some((a) => a.name === 'mfa_delete') && mfa === undefined) return undefined;
  return ['versioning_configuration {', '  status = "Enabled"', ...(mfa === undefined ? [] : [`  mfa_delete = "${mfa ? 'Enabled' : 'Disabled'}"`]), '}'];
};

const LIFECYCLE_KEPT = new Set(['expiration', 'transition']);

const lifecycle: Move = (items, text) => {
  const out: string[] = [];
  for (const [i, item] of items.entries()) {
    if (!isBlock(item)) return undefined;
    const body = item.body;
    if (!onlyNames(body, ['id', 'enabled', 'prefix', 'abort_incomplete_multipart_upload_days'], ['expiration', 'transition', 'noncurrent_version_expiration', 'noncurrent_version_transition'])) return undefined;
    const enabled = literalBool(body, 'enabled');
    if (enabled === undefined) return undefined;
    const value = (name: string) => {
      const attribute = body.attributes.find((a) => a.name === name);
      return attribute ? text(attribute) : undefined;
    };
    const id = value('id');
    const prefix = value('prefix');
    const abort = value('abort_incomplete_multipart_upload_days');
    const rule = [`id     = ${id ?? `"rule-${i + 1}"`}`, `status = "${enabled ? 'Enabled' : 'Disabled'}"`, '', prefix === undefined ? 'filter {}' : `filter {\n  prefix = ${prefix}\n}`];
    if (abort !== undefined) rule.push('', `abort_incomplete_multipart_upload {\n  days_after_initiation = ${abort}\n}`);
    for (const child of body.blocks) {
      const inner = text(child);
      if (inner === undefined) return undefined;
      if (LIFECYCLE_KEPT.has(child.type)) {
        rule.push('', `${child.type} {`, ...inner.split('\n').map((l) => (l === '' ? '' : `  ${l}`)), '}');
        continue;
      }
      // noncurrent_version_*: `days` became `noncurrent_days`.
      if (!onlyNames(child.body, ['days', 'storage_class'])) return undefined;
      const lines = child.body.attributes.map((a) => `  ${a.name === 'days' ? 'noncurrent_days' : a.name} = ${text(a) ?? ''}`);
      rule.push('', `${child.type} {`, ...lines, '}');
    }
    if ([id, prefix, abort].some((v) => v?.includes('\n'))) return undefined;
    out.push(...(i > 0 ? [''] : []), 'rule {', ...rule.join('\n').split('\n').map((l) => (l === '' ? '' : `  ${l}`)), '}');
  }
  return out;
};

/** Inline setting -> the aws 5 resource the provider names in its deprecation warning, and how its content moves. */
const MOVES: Record<string, { resource: string; move: Move }> = {
  acl: { resource: 'aws_s3_bucket_acl', move: argumentAs('acl') },
  policy: { resource: 'aws_s3_bucket_policy', move: argumentAs('policy') },
  acceleration_status: { resource: 'aws_s3_bucket_accelerate_configuration', move: argumentAs('status') },
  request_payer: { resource: 'aws_s3_bucket_request_payment_configuration', move: argumentAs('payer') },
  versioning: { resource: 'aws_s3_bucket_versioning', move: versioning },
  logging: { resource: 'aws_s3_bucket_logging', move: blocksAs() },
  server_side_encryption_configuration: { resource: 'aws_s3_bucket_server_side_encryption_configuration', move: blocksAs() },
  cors_rule: { resource: 'aws_s3_bucket_cors_configuration', move: blocksAs('cors_rule') },
  lifecycle_rule: { resource: 'aws_s3_bucket_lifecycle_configuration', move: lifecycle },
};

/**
 * `versioning is deprecated. Use the aws_s3_bucket_versioning resource instead.` on an `aws_s3_bucket`: the inline
 * setting moves to that resource (aws 5's form), referencing the bucket, with the same values. Only for a bucket
 * without count/for_each, when no resource of that type exists for the bucket yet, and when every value can be
 * carried over as written.
 */
export const splitInlineS3Setting: ValidatorRepairRule = {
  kind: 'split-s3-inline-setting',
  summary: "an aws 4.x inline setting of `aws_s3_bucket` (versioning, encryption, logging, lifecycle_rule, cors_rule, acl, policy, ...) the provider deprecates moves to its own aws 5 resource, values unchanged",
  propose(context) {
    const seen = new Set<string>();
    return context.diagnostics.flatMap((d) => {
      const match = /^(\w+) is deprecated\. Use the (aws_s3_bucket_\w+) resource instead\.?$/.exec(d.detail.trim());
      if (d.severity !== 'warning' || d.summary !== 'Argument is deprecated' || !d.range || !match) return [];
      const [, setting, resource] = match as unknown as [string, string, string];
      const spec = MOVES[setting];
      const file = context.files.get(d.range.filename);
      const source = context.sources.get(d.range.filename);
      const bucket = file ? blockChainAt(file.body, d.range.start.byte)[0] : undefined;
      if (!spec || spec.resource !== resource || !file || !source || !bucket || bucket.type !== 'resource' || bucket.labels[0] !== 'aws_s3_bucket') return [];
      const name = bucket.labels[1]!;
      const key = `${d.range.filename}\u0000${name}\u0000${setting}`;
      if (seen.has(key)) return [];
      seen.add(key);
      if (bucket.body.attributes.some((a) => a.name === 'count' || a.name === 'for_each')) return [];
      const exists = [...context.files.values()].some((f) =>
        f.body.blocks.some((b) => b.type === 'resource' && b.labels[0] === resource && (b.labels[1] === name || sliceBytes(f.source, b.range.start.byte, b.range.end.byte).includes(`aws_s3_bucket.${name}.`))),
      );
      if (exists) return [];
      const items: Array<Attribute | Block> = [...bucket.body.attributes.filter((a) => a.name === setting), ...bucket.body.blocks.filter((b) => b.type === setting)];
      if (items.length === 0 || items.some((item) => !aloneOnLines(source, item.range.start.byte, item.range.end.byte))) return [];
      const lines = spec.move(items, (item) => contentText(source, item));
      if (!lines) return [];
      const removals: SourceEdit[] = items.map((item) => removalOf(d.range!.filename, source, item));
      const insertion = insertResourcesAfter(d.range.filename, source, bucket, [{ type: resource, name, lines: [`bucket = aws_s3_bucket.${name}.id`, ...(lines[0]?.endsWith('{') ? [''] : []), ...lines] }]);
      return [{ ...validatorRepair('split-s3-inline-setting', { ...d, range: d.range }, `move ${setting} of aws_s3_bucket.${name} to a new ${resource}.${name} (aws 5's form)`, [...removals, insertion]), reason: `Warning: ${d.summary}: ${d.detail}` }];
    });
  },
};

/**
 * What an inline item carries, re-indented to start at column 0: an argument's value, or a block's body (its lines
 * between the braces). Undefined for text whose lines cannot be moved safely (heredocs).
 */
function contentText(source: string, item: Attribute | Block): string | undefined {
  if (!isBlock(item)) {
    // The value, and a comment after it on its line (`acl = "private" # why`).
    const [, lineEnd] = lineSpan(source, item.range.start.byte, item.range.end.byte);
    const comment = sliceBytes(source, item.range.end.byte, lineEnd).trim();
    const value = sliceBytes(source, item.expr.range.start.byte, item.expr.range.end.byte);
    return value.includes('<<') ? undefined : comment ? `${value} ${comment}` : value;
  }
  const close = item.body.endRange;
  if (!close) return undefined;
  const inner = sliceBytes(source, item.body.range.start.byte + 1, close.start.byte);
  if (inner.includes('<<')) return undefined;
  const lines = inner.replace(/^[ \t]*\n/, '').replace(/\s+$/, '').split('\n');
  if (lines.length === 1 && lines[0]!.trim() !== '' && !inner.includes('\n')) return lines[0]!.trim();
  const indent = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => /^[ \t]*/.exec(l)![0].length));
  return lines.map((l) => (l.trim() === '' ? '' : l.slice(indent))).join('\n');
}

/** The whole lines of an item, and the blank line before it when there is one (so no double blank line is left). */
function removalOf(file: string, source: string, item: Attribute | Block): SourceEdit {
  const [start, end] = lineSpan(source, item.range.start.byte, item.range.end.byte);
  const before = sliceBytes(source, 0, start);
  const blank = /\n[ \t]*\n$/.exec(before);
  const from = blank ? start - Buffer.byteLength(blank[0]) + 1 : start;
  return { file, start: from, end, text: '' };
}
