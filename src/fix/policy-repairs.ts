import type { Block } from '../hcl/ast.ts';
import type { SchemaBlock } from '../schema/provider-schema.ts';
import type { Finding } from '../scan/finding.ts';
import type { PolicyInfo } from '../scan/policy-metadata.ts';
import type { Resource, TerraformModule } from '../terraform/model.ts';
import { hclValue, insertAttribute, insertBlock, insertResourceAfter, isLiteral } from './hcl-insert.ts';
import { forEachExpression, moduleOfFile, resourceOfBlock, resourceSchemaOf } from './locate.ts';
import { parseFixSpec, type FixEntry, type FixValue } from './policy-fix-spec.ts';
import type { Repair, RepairContext } from './repair.ts';
import { locationOf } from './repair-helpers.ts';
import { sliceBytes, type SourceEdit } from './source-edit.ts';
import { walkExpression } from '../validate/walk-expression.ts';

export interface PolicyRepairOptions {
  /** The policies whose findings may be repaired (by id). */
  policies: ReadonlyMap<string, PolicyInfo>;
  /** Planned values by instance address (`resource_changes[].change.after`), for `when` conditions. */
  plannedValues: ReadonlyMap<string, unknown>;
}

/**
 * Security repairs from the fixes policies declare in their METADATA (policy-fix-spec.ts): one repair per flagged
 * resource block and policy, from the first fix entry that applies. A finding without a usable fix gets none.
 */
export function proposePolicyRepairs(context: RepairContext, options: PolicyRepairOptions): Repair[] {
  const repairs: Repair[] = [];
  const seen = new Set<string>();
  for (const finding of context.findings) {
    const policy = options.policies.get(finding.policy_id);
    if (!policy || policy.fix === undefined || !finding.range) continue;
    const spec = parseFixSpec(policy.fix);
    if ('error' in spec) continue;
    const file = context.files.get(finding.range.filename);
    const source = context.sources.get(finding.range.filename);
    const module = moduleOfFile(context.configuration, finding.range.filename);
    const block = file?.body.blocks.find((b) => b.range.start.byte === finding.range!.start.byte && b.type === 'resource');
    const resource = module && block ? resourceOfBlock(module, block) : undefined;
    if (!source || !module || !block || !resource || !finding.range.filename.endsWith('.tf')) continue;
    const key = `${policy.id}|${finding.range.filename}|${block.range.start.byte}`;
    if (seen.has(key)) continue;
    seen.add(key);
    for (const entry of spec.entries) {
      if (entry.resource_types && !entry.resource_types.includes(resource.type)) continue;
      if (entry.when && !conditionsHold(entry.when, options.plannedValues.get(finding.resource))) continue;
      const edits = editsFor(entry, { file: finding.range.filename, source, block, resource, module, context });
      if (!edits || edits.length === 0) continue;
      repairs.push({
        kind: 'policy-fix',
        source: 'security',
        location: locationOf(finding.range),
        description: `${describeEntry(entry)} on ${resource.address} (${policy.id})`,
        reason: `${policy.id} ${policy.title}: ${finding.message}`,
        edits,
        policyId: policy.id,
        resource: resource.address,
      });
      break;
    }
  }
  return repairs;
}

function describeEntry(entry: FixEntry): string {
  if (entry.set) return `set ${Object.entries(entry.set).map(([k, v]) => `${k} = ${hclValue(v)}`).join(', ')}`;
  if (entry.block) return `add a ${entry.block.type} block`;
  return `add a companion ${entry.resource!.type}`;
}

interface Target {
  file: string;
  source: string;
  block: Block;
  resource: Resource;
  module: TerraformModule;
  context: RepairContext;
}

function editsFor(entry: FixEntry, target: Target): SourceEdit[] | undefined {
  const schema = resourceSchemaOf(target.resource, target.module, target.context.schemas);
  if (!schema) return undefined;
  if (entry.set) {
    const edits: SourceEdit[] = [];
    for (const [path, value] of Object.entries(entry.set)) {
      const made = setPath(target, target.block, schema, path.split('.'), value);
      if (!made) return undefined;
      edits.push(...made);
    }
    return edits;
  }
  if (entry.block) {
    const type = entry.block.type;
    const nested = schema.block_types?.[type];
    if (!nested || target.block.body.blocks.some((b) => b.type === 'dynamic' && b.labels[0] === type)) return undefined;
    const existing = target.block.body.blocks.filter((b) => b.type === type);
    // A block type written at most once is added only when absent; a repeatable one (setting, rule, ...) is appended
    // unless the same block is already there.
    const single = nested.nesting_mode === 'single' || nested.nesting_mode === 'group' || nested.max_items === 1;
    const normalized = (text: string) => text.replace(/\s+/g, ' ').trim();
    const wanted = normalized(`${type} { ${entry.block.body} }`);
    if ((single && existing.length > 0) || existing.some((b) => normalized(sliceBytes(target.source, b.range.start.byte, b.range.end.byte)) === wanted)) return undefined;
    const edit = insertBlock(target.file, target.source, target.block, entry.block.type, entry.block.body);
    return edit ? [edit] : undefined;
  }
  return companion(entry.resource!, target);
}

/**
 * Edits that make `path` hold `value` under `block`: the argument is replaced when it is a literal with another
 * value, added when absent; nested blocks on the way are followed (all of them), or created when absent and the
 * schema allows only one. Undefined when the fix cannot apply as written (an expression, a dynamic block, ...).
 */
function setPath(target: Target, block: Block, schema: SchemaBlock, path: string[], value: FixValue): SourceEdit[] | undefined {
  const [head, ...rest] = path as [string, ...string[]];
  if (rest.length === 0) {
    if (!schema.attributes?.[head]) return undefined;
    const existing = block.body.attributes.find((a) => a.name === head);
    const text = hclValue(value);
    if (!existing) {
      const edit = insertAttribute(target.file, target.source, block, head, text);
      return edit ? [edit] : undefined;
    }
    if (!isLiteral(existing.expr)) return undefined;
    const current = sliceBytes(target.source, existing.expr.range.start.byte, existing.expr.range.end.byte);
    if (current === text) return [];
    return [{ file: target.file, start: existing.expr.range.start.byte, end: existing.expr.range.end.byte, text }];
  }
  const nested = schema.block_types?.[head];
  if (!nested) return undefined;
  if (block.body.blocks.some((b) => b.type === 'dynamic' && b.labels[0] === head)) return undefined;
  const children = block.body.blocks.filter((b) => b.type === head);
  if (children.length > 0) {
    const edits: SourceEdit[] = [];
    for (const child of children) {
      const made = setPath(target, child, nested.block, rest, value);
      if (!made) return undefined;
      edits.push(...made);
    }
    return edits;
  }
  // A repeatable block type none of which is written: there is nothing to set.
  if (!(nested.nesting_mode === 'single' || nested.nesting_mode === 'group' || nested.max_items === 1)) return [];
  const edit = insertBlock(target.file, target.source, block, head, nestedText(rest, value));
  return edit ? [edit] : undefined;
}

/** `a.b = v` as block body text: `a {\n  b = v\n}`. */
function nestedText(path: string[], value: FixValue): string {
  const [head, ...rest] = path as [string, ...string[]];
  if (rest.length === 0) return `${head} = ${hclValue(value)}`;
  return `${head} {\n${nestedText(rest, value).split('\n').map((l) => `  ${l}`).join('\n')}\n}`;
}

function companion(spec: NonNullable<FixEntry['resource']>, target: Target): SourceEdit[] | undefined {
  const { resource, module } = target;
  if (module.resources.some((r) => r.mode === 'managed' && r.type === spec.type && r.name === resource.name)) return undefined;
  // A resource of that type that already refers to the flagged one: it is the companion, misconfigured; not ours to add.
  const refersToFlagged = module.resources.some((r) => {
    if (r.type !== spec.type) return false;
    let found = false;
    forEachExpression(r.block.body, (expr) =>
      walkExpression(expr, {
        traversal: (t) => {
          if (t.root === resource.type && t.steps[0]?.kind === 'attr' && t.steps[0].name === resource.name) found = true;
        },
      }),
    );
    return found;
  });
  if (refersToFlagged) return undefined;
  const meta: string[] = [];
  let self = resource.address;
  if (resource.count) {
    meta.push(`count = length(${resource.address})`, '');
    self = `${resource.address}[count.index]`;
  } else if (resource.forEach) {
    meta.push(`for_each = ${resource.address}`, '');
    self = 'each.value';
  }
  const body = spec.body.replace(/\{\{resource\}\}/g, self).replace(/\{\{name\}\}/g, resource.name);
  const lines = [...meta, ...body.replace(/\s+$/, '').split('\n')];
  return [insertResourceAfter(target.file, target.source, resource.block, spec.type, resource.name, lines)];
}

/** Every condition holds on the planned values (`a.b` reads nested objects, the first element of a list). */
function conditionsHold(when: Record<string, Array<string | number | boolean>>, planned: unknown): boolean {
  return Object.entries(when).every(([path, allowed]) => {
    let value: unknown = planned;
    for (const step of path.split('.')) {
      if (Array.isArray(value)) value = value[0];
      value = value && typeof value === 'object' ? (value as Record<string, unknown>)[step] : undefined;
    }
    return allowed.some((a) => a === value);
  });
}

export type { Finding };
