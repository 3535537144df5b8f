// Mutations of valid IaC-Eval references that break one of the aws provider's own argument checks, the mistakes
// LLMs make: an allowed value in the wrong case or a near miss, a name or alias where an ARN is required, two
// arguments that conflict, the only member of an exactly-one-of / at-least-one-of group removed, one argument of
// a required-with group alone, a number out of range, a CIDR with host bits. Used by mutate-references.ts
// (Terraform's verdict on every variant is recorded there, so the bench does not trust these checks).
import type { Attribute, Block, Body, HclFile } from '../../src/hcl/ast.ts';
import { loadBundledSchemas } from '../../src/schema/bundled.ts';
import type { ArgumentChecks, TypeChecks, ValueCheck } from '../../src/schema/provider-checks/check-types.ts';
import { bundledProviderChecks } from '../../src/schema/provider-checks/bundled-checks.ts';
import type { SchemaAttribute, SchemaBlock } from '../../src/schema/provider-schema.ts';
import type { Edit, Mutator } from '../mutate-references.ts';

const AWS = 'registry.terraform.io/hashicorp/aws';

interface Target {
  block: Block;
  checks: TypeChecks;
  schema: SchemaBlock;
}

function targets(file: HclFile): Target[] {
  const out: Target[] = [];
  const checks = bundledProviderChecks().get(AWS);
  for (const block of file.body.blocks) {
    if ((block.type !== 'resource' && block.type !== 'data') || block.labels.length !== 2) continue;
    const mode = block.type === 'data' ? 'data' : 'managed';
    const type = block.labels[0] as string;
    const typeChecks = checks?.lookup(mode, type);
    const schema = loadBundledSchemas().resourceSchema('aws', type, mode)?.block;
    if (typeChecks && schema && !block.body.attributes.some((a) => a.name === 'count' || a.name === 'for_each')) out.push({ block, checks: typeChecks, schema });
  }
  return out;
}

/** Every (body, attribute) of a block's nested blocks reachable by the argument's path (no dynamic blocks). */
function bodiesAt(body: Body, path: readonly string[]): Body[] {
  let bodies = [body];
  for (const name of path.slice(0, -1)) bodies = bodies.flatMap((b) => b.blocks.filter((x) => x.type === name).map((x) => x.body));
  return bodies;
}

function literalString(attribute: Attribute): string | undefined {
  const expr = attribute.expr;
  if (expr.kind === 'literal' && typeof expr.value === 'string') return expr.value;
  if (expr.kind === 'template' && expr.parts.length > 0 && expr.parts.every((p) => p.kind === 'text') && !expr.heredoc) {
    return expr.parts.map((p) => (p.kind === 'text' ? p.value : '')).join('');
  }
  return undefined;
}

function replaceValue(attribute: Attribute, text: string): Edit[] {
  return [{ start: attribute.expr.range.start.byte, end: attribute.expr.range.end.byte, text }];
}

function insertArgument(body: Body, text: string): Edit[] {
  const at = body.range.start.byte + 1;
  return [{ start: at, end: at, text: `\n  ${text}` }];
}

function removeLine(attribute: Attribute): Edit[] {
  return [{ start: -1, end: -1, text: `${attribute.range.start.byte}:${attribute.range.end.byte}` }];
}

const label = (t: Target) => t.block.labels.join('.');

function accepts(checks: readonly ValueCheck[], value: string): boolean {
  for (const check of checks) {
    if (check.kind === 'enum' && !(check.ignoreCase ? check.values.some((v) => v.toLowerCase() === value.toLowerCase()) : check.values.includes(value))) return false;
    if (check.kind === 'arn' && !value.startsWith('arn:')) return false;
    if (check.kind === 'length' && (value.length < (check.min ?? 0) || value.length > (check.max ?? Infinity))) return false;
    if (check.kind === 'literal' && check.rejects.some((r) => r.value === value)) return false;
    if (check.kind === 'cidr' || check.kind === 'iam-policy-json' || check.kind === 'json' || check.kind === 'regex') return false;
  }
  return true;
}

/** A plausible value of an argument for an argument added by a mutation (valid for its own checks where known). */
function plausibleValue(argument: ArgumentChecks | undefined, attribute: SchemaAttribute | undefined): string | undefined {
  const type = attribute?.type;
  if (type === 'bool') return 'true';
  if (type === 'number') {
    const range = argument?.checks.find((c) => c.kind === 'int-range');
    const enumeration = argument?.checks.find((c) => c.kind === 'int-enum');
    if (enumeration?.kind === 'int-enum') return String(enumeration.values.find((v) => v > 0) ?? enumeration.values[0]);
    if (range?.kind === 'int-range') return String(Math.max(range.min ?? 1, 1));
    return '1';
  }
  if (type !== 'string') return undefined;
  const enumeration = argument?.checks.find((c) => c.kind === 'enum');
  if (enumeration?.kind === 'enum') return JSON.stringify(enumeration.values[0]);
  if (argument?.checks.some((c) => c.kind === 'arn')) return '"arn:aws:iam::123456789012:role/example"';
  const candidate = 'example';
  return argument && !accepts(argument.checks, candidate) ? undefined : JSON.stringify(candidate);
}

function schemaAttribute(schema: SchemaBlock, path: readonly string[]): SchemaAttribute | undefined {
  let block: SchemaBlock | undefined = schema;
  for (const name of path.slice(0, -1)) block = block?.block_types?.[name]?.block;
  return block?.attributes?.[path[path.length - 1] as string];
}

/** A wrong value for an allowed-values argument: other letter case, a plural, `_` for `-`, or a near miss. */
function wrongEnumValue(check: Extract<ValueCheck, { kind: 'enum' }>, value: string, salt: number): string | undefined {
  const allowed = (v: string) => (check.ignoreCase ? check.values.some((x) => x.toLowerCase() === v.toLowerCase()) : check.values.includes(v));
  const candidates = [value.toUpperCase(), value.toLowerCase(), `${value}s`, value.replace(/-/g, '_'), value.replace(/_/g, '-'), `${value}-enabled`];
  for (let i = 0; i < candidates.length; i++) {
    const candidate = candidates[(salt + i) % candidates.length] as string;
    if (candidate !== value && !allowed(candidate)) return candidate;
  }
  return undefined;
}

const badEnum: Mutator = (file) => {
  for (const target of targets(file)) {
    for (const argument of target.checks.arguments) {
      const check = argument.checks.find((c): c is Extract<ValueCheck, { kind: 'enum' }> => c.kind === 'enum');
      if (!check || argument.elements) continue;
      for (const body of bodiesAt(target.block.body, argument.path)) {
        const attribute = body.attributes.find((a) => a.name === argument.path[argument.path.length - 1]);
        const value = attribute && literalString(attribute);
        if (!attribute || value === undefined || !check.values.includes(value) && !check.ignoreCase) continue;
        const wrong = wrongEnumValue(check, value, attribute.range.start.byte);
        if (wrong === undefined) continue;
        return { description: `set ${argument.path.join('.')} of ${label(target)} to ${JSON.stringify(wrong)} (allowed: ${check.values.join(', ')})`, edits: replaceValue(attribute, JSON.stringify(wrong)) };
      }
    }
  }
  return undefined;
};

const badArn: Mutator = (file) => {
  for (const target of targets(file)) {
    for (const argument of target.checks.arguments) {
      if (!argument.checks.some((c) => c.kind === 'arn') || argument.elements) continue;
      for (const body of bodiesAt(target.block.body, argument.path)) {
        const attribute = body.attributes.find((a) => a.name === argument.path[argument.path.length - 1]);
        if (!attribute) continue;
        const wrongs = ['"alias/aws/s3"', `"${target.block.labels[1]}"`, '"arn:aws:iam::123:role/example"', '"arn:aws:s3"'];
        const wrong = wrongs[attribute.range.start.byte % wrongs.length] as string;
        return { description: `set ${argument.path.join('.')} of ${label(target)} to ${wrong}, not an ARN`, edits: replaceValue(attribute, wrong) };
      }
    }
  }
  return undefined;
};

const conflictingArgument: Mutator = (file) => {
  for (const target of targets(file)) {
    const present = new Set(target.block.body.attributes.map((a) => a.name));
    for (const argument of target.checks.arguments) {
      if (argument.path.length !== 1 || !present.has(argument.path[0] as string)) continue;
      for (const other of argument.conflictsWith ?? []) {
        if (other.includes('.') || present.has(other) || target.block.body.blocks.some((b) => b.type === other)) continue;
        const otherChecks = target.checks.arguments.find((a) => a.path.length === 1 && a.path[0] === other);
        const value = plausibleValue(otherChecks, schemaAttribute(target.schema, [other]));
        if (value === undefined) continue;
        return { description: `add ${other} to ${label(target)}, which conflicts with ${argument.path[0]}`, edits: insertArgument(target.block.body, `${other} = ${value}`) };
      }
    }
  }
  return undefined;
};

const missingOneOf: Mutator = (file) => {
  for (const target of targets(file)) {
    const present = new Set([...target.block.body.attributes.map((a) => a.name), ...target.block.body.blocks.map((b) => b.type)]);
    for (const argument of target.checks.arguments) {
      const group = argument.exactlyOneOf ?? argument.atLeastOneOf;
      if (!group || group.some((key) => key.includes('.'))) continue;
      const set = group.filter((key) => present.has(key));
      if (set.length !== 1) continue;
      const attribute = target.block.body.attributes.find((a) => a.name === set[0]);
      if (!attribute || schemaAttribute(target.schema, [attribute.name])?.required) continue;
      return { description: `remove ${attribute.name} from ${label(target)}, the only one of ${group.join(', ')}`, edits: removeLine(attribute) };
    }
  }
  return undefined;
};

const requiredWithAlone: Mutator = (file) => {
  for (const target of targets(file)) {
    const present = new Set([...target.block.body.attributes.map((a) => a.name), ...target.block.body.blocks.map((b) => b.type)]);
    for (const argument of target.checks.arguments) {
      const group = argument.requiredWith;
      if (!group || argument.path.length !== 1 || group.some((key) => key.includes('.') || present.has(key))) continue;
      if (argument.conflictsWith?.some((key) => present.has(key))) continue;
      const value = plausibleValue(argument, schemaAttribute(target.schema, argument.path));
      if (value === undefined) continue;
      return { description: `add ${argument.path[0]} to ${label(target)} without ${group.filter((k) => k !== argument.path[0]).join(', ')}`, edits: insertArgument(target.block.body, `${argument.path[0]} = ${value}`) };
    }
  }
  return undefined;
};

const outOfRange: Mutator = (file) => {
  for (const target of targets(file)) {
    for (const argument of target.checks.arguments) {
      const check = argument.checks.find((c) => c.kind === 'int-range' || c.kind === 'int-enum');
      if (!check) continue;
      for (const body of bodiesAt(target.block.body, argument.path)) {
        const attribute = body.attributes.find((a) => a.name === argument.path[argument.path.length - 1]);
        if (!attribute || attribute.expr.kind !== 'literal' || typeof attribute.expr.value !== 'number') continue;
        let wrong: number | undefined;
        if (check.kind === 'int-range') wrong = check.max !== undefined ? check.max + 1 : check.min !== undefined ? check.min - 1 : undefined;
        else if (check.kind === 'int-enum') wrong = [2, 4, 6, 8, 45, 100, 1000].find((n) => !check.values.includes(n));
        if (wrong === undefined) continue;
        return { description: `set ${argument.path.join('.')} of ${label(target)} to ${wrong}, out of range`, edits: replaceValue(attribute, String(wrong)) };
      }
    }
  }
  return undefined;
};

const badCidr: Mutator = (file) => {
  for (const target of targets(file)) {
    for (const argument of target.checks.arguments) {
      if (!argument.checks.some((c) => c.kind === 'cidr')) continue;
      for (const body of bodiesAt(target.block.body, argument.path)) {
        const attribute = body.attributes.find((a) => a.name === argument.path[argument.path.length - 1]);
        if (!attribute) continue;
        const expr = attribute.expr.kind === 'tuple' ? attribute.expr.items[0] : attribute.expr;
        if (!expr || !(expr.kind === 'literal' && typeof expr.value === 'string' && /^\d+\.\d+\.\d+\.\d+\/\d+$/.test(expr.value))) continue;
        const [address, prefix] = expr.value.split('/') as [string, string];
        const octets = address.split('.');
        const wrong = Number(prefix) < 32 ? `${octets.slice(0, 3).join('.')}.1/${prefix}` : `${address}/33`;
        return { description: `set ${argument.path.join('.')} of ${label(target)} to ${wrong}`, edits: [{ start: expr.range.start.byte, end: expr.range.end.byte, text: JSON.stringify(wrong) }] };
      }
    }
  }
  return undefined;
};

export const PROVIDER_CHECK_MUTATORS: Array<[string, Mutator]> = [
  ['provider-bad-enum', badEnum],
  ['provider-bad-arn', badArn],
  ['provider-conflicting-argument', conflictingArgument],
  ['provider-missing-one-of', missingOneOf],
  ['provider-required-with', requiredWithAlone],
  ['provider-out-of-range', outOfRange],
  ['provider-bad-cidr', badCidr],
];
