import type { Block } from '../hcl/ast.ts';
import type { SchemaBlock } from '../schema/provider-schema.ts';
import type { Finding } from '../scan/finding.ts';
import type { PolicyInfo } from '../scan/policy-metadata.ts';
import type { Resource, TerraformModule } from '../terraform/model.ts';
import { hclValue, insertAttribute, insertBlock, insertResourcesAfter, isLiteral } from './hcl-insert.ts';
import { forEachExpression, moduleOfFile, resourceOfBlock, resourceSchemaOf } from './locate.ts';
import { isExpression, parseFixSpec, type Companion, type FixEntry, type FixSetValue } from './policy-fix-spec.ts';
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
        description: `${describeEntry(entry, resource)} on ${resource.address} (${policy.id})`,
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

function describeEntry(entry: FixEntry, resource: Resource): string {
  const parts: string[] = [];
  if (entry.set) parts.push(`set ${Object.entries(entry.set).map(([k, v]) => `${k} = ${renderSetValue(v, placeholders(resource))}`).join(', ')}`);
  if (entry.block) parts.push(`add a ${entry.block.type} block`);
  for (const c of entry.resource ?? []) parts.push(`add ${c.name && c.name !== '{{name}}' ? `a companion ${c.type}.${fill(c.name, placeholders(resource))}` : `a companion ${c.type}`}`);
  return parts.join(', ');
}

/** `{{resource}}` (the flagged resource as a reference) and `{{name}}` (its name). */
function placeholders(resource: Resource): { resource: string; name: string } {
  const self = resource.count ? `${resource.address}[count.index]` : resource.forEach ? 'each.value' : resource.address;
  return { resource: self, name: resource.name };
}

function fill(text: string, values: { resource: string; name: string }): string {
  return text.replace(/\{\{resource\}\}/g, values.resource).replace(/\{\{name\}\}/g, values.name);
}

function renderSetValue(value: FixSetValue, values: { resource: string; name: string }): string {
  return isExpression(value) ? fill(value.expr, values) : hclValue(value);
}

interface Target {
  file: string;
  source: string;
  block: Block;
  resource: Resource;
  module: TerraformModule;
  context: RepairContext;
}

/** The edits of every part of the entry, or undefined when one part does not apply as written. */
function editsFor(entry: FixEntry, target: Target): SourceEdit[] | undefined {
  const schema = resourceSchemaOf(target.resource, target.module, target.context.schemas);
  if (!schema) return undefined;
  const values = placeholders(target.resource);
  const edits: SourceEdit[] = [];
  if (entry.set) {
    for (const [path, value] of Object.entries(entry.set)) {
      const made = setPath(target, target.block, schema, path.split('.'), renderSetValue(value, values));
      if (!made) return undefined;
      edits.push(...made);
    }
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
    const edit = insertBlock(target.file, target.source, target.block, type, entry.block.body);
    if (!edit) return undefined;
    edits.push(edit);
  }
  if (entry.resource) {
    const made = companions(entry.resource, target);
    if (!made) return undefined;
    edits.push(...made);
  }
  return edits;
}

/**
 * Edits that make `path` hold `value` under `block`: the argument is replaced when it is a literal with another
 * value, added when absent; nested blocks on the way are followed (all of them), or created when absent and the
 * schema allows only one. Undefined when the fix cannot apply as written (an expression, a dynamic block, ...).
 */
function setPath(target: Target, block: Block, schema: SchemaBlock, path: string[], text: string): SourceEdit[] | undefined {
  const [head, ...rest] = path as [string, ...string[]];
  if (rest.length === 0) {
    if (!schema.attributes?.[head]) return undefined;
    const existing = block.body.attributes.find((a) => a.name === head);
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
      const made = setPath(target, child, nested.block, rest, text);
      if (!made) return undefined;
      edits.push(...made);
    }
    return edits;
  }
  // A repeatable block type none of which is written: there is nothing to set.
  if (!(nested.nesting_mode === 'single' || nested.nesting_mode === 'group' || nested.max_items === 1)) return [];
  const edit = insertBlock(target.file, target.source, block, head, nestedText(rest, text));
  return edit ? [edit] : undefined;
}

/** `a.b = v` as block body text: `a {\n  b = v\n}`. */
function nestedText(path: string[], text: string): string {
  const [head, ...rest] = path as [string, ...string[]];
  if (rest.length === 0) return `${head} = ${text}`;
  return `${head} {\n${nestedText(rest, text).split('\n').map((l) => `  ${l}`).join('\n')}\n}`;
}

/** One edit adding every companion after the flagged resource (in the order given), or undefined if one cannot be added. */
function companions(specs: readonly Companion[], target: Target): SourceEdit[] | undefined {
  const { resource, module } = target;
  const values = placeholders(resource);
  const blocks: Array<{ type: string; name: string; lines: string[] }> = [];
  for (const spec of specs) {
    const name = fill(spec.name ?? '{{name}}', values);
    if (module.resources.some((r) => r.mode === 'managed' && r.type === spec.type && r.name === name)) return undefined;
    // A resource of that type that already refers to the flagged one: it is the companion, misconfigured; not ours to add.
    if (module.resources.some((r) => r.type === spec.type && refersTo(r, resource))) return undefined;
    // A companion of one instance (its body refers to it) repeats with the flagged resource; one that does not (a role,
    // say) is shared by every instance.
    const perInstance = spec.body.includes('{{resource}}');
    const meta = !perInstance ? [] : resource.count ? [`count = length(${resource.address})`, ''] : resource.forEach ? [`for_each = ${resource.address}`, ''] : [];
    blocks.push({ type: spec.type, name, lines: [...meta, ...fill(spec.body, values).replace(/\s+$/, '').split('\n')] });
  }
  return [insertResourcesAfter(target.file, target.source, resource.block, blocks)];
}

function refersTo(from: Resource, to: Resource): boolean {
  let found = false;
  forEachExpression(from.block.body, (expr) =>
    walkExpression(expr, {
      traversal: (t) => {
        if (t.root === to.type && t.steps[0]?.kind === 'attr' && t.steps[0].name === to.name) found = true;
      },
    }),
  );
  return found;
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
