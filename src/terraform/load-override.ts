import type { Diagnostic } from '../core/diagnostics.ts';
import type { SourceRange } from '../core/source-range.ts';
import type { Attribute, Block, Body } from '../hcl/ast.ts';
import { literalString } from './load-model.ts';

/**
 * Terraform's override files (`override.tf`, `*_override.tf`): each top-level block in them is merged
 * into the primary block with the same identity. Attributes replace same-named attributes; nested
 * blocks of a type replace all nested blocks of that type (a `lifecycle` block merges by argument);
 * `locals` merge per local; `terraform` blocks merge `required_providers` entries and replace the backend.
 */

/** Identity of a top-level block for merging, or undefined when the block type is not mergeable. */
function identity(block: Block): string | undefined {
  switch (block.type) {
    case 'resource':
    case 'data':
    case 'variable':
    case 'output':
    case 'module':
      return `${block.type}:${block.labels.join('.')}`;
    case 'provider': {
      const alias = literalString(block.body.attributes.find((a) => a.name === 'alias')?.expr);
      return `provider:${block.labels[0] ?? ''}${alias ? `.${alias}` : ''}`;
    }
    default:
      return undefined;
  }
}

/**
 * `block` with `body` as its body. Its fields are copied by name: a parsed block's `typeRange` and `defRange` are
 * getters of its class (hcl/convert-context.ts), which a spread (`{...block}`) would not copy.
 */
function withBody(block: Block, body: Body): Block {
  const { type, labels, range, typeRange, labelRanges, defRange } = block;
  return { type, labels, body, range, typeRange, labelRanges, defRange };
}

function mergeBody(base: Body, override: Body): Body {
  const overridden = new Map(override.attributes.map((a) => [a.name, a] as const));
  const attributes: Attribute[] = base.attributes.map((a) => overridden.get(a.name) ?? a);
  for (const attr of override.attributes) if (!base.attributes.some((a) => a.name === attr.name)) attributes.push(attr);
  const overrideTypes = new Set(override.blocks.map((b) => b.type));
  const blocks: Block[] = [];
  for (const block of base.blocks) {
    if (!overrideTypes.has(block.type)) blocks.push(block);
    else if (block.type === 'lifecycle') {
      const replacement = override.blocks.find((b) => b.type === 'lifecycle');
      if (replacement) blocks.push(withBody(block, mergeBody(block.body, replacement.body)));
    }
  }
  for (const block of override.blocks) {
    if (block.type === 'lifecycle' && base.blocks.some((b) => b.type === 'lifecycle')) continue;
    blocks.push(block);
  }
  return { ...base, attributes, blocks };
}

function mergeTerraform(base: Block, override: Block): Block {
  const body = mergeBody(
    { ...base.body, blocks: base.body.blocks.filter((b) => b.type !== 'required_providers') },
    { ...override.body, blocks: override.body.blocks.filter((b) => b.type !== 'required_providers') },
  );
  const baseProviders = base.body.blocks.filter((b) => b.type === 'required_providers');
  const overrideProviders = override.body.blocks.filter((b) => b.type === 'required_providers');
  if (baseProviders.length > 0 || overrideProviders.length > 0) {
    const first = baseProviders[0] ?? overrideProviders[0];
    if (first) {
      const merged = overrideProviders.reduce(
        (acc, b) => withBody(acc, mergeBody(acc.body, { ...b.body, blocks: [] })),
        baseProviders.slice(1).reduce((acc, b) => withBody(acc, mergeBody(acc.body, { ...b.body, blocks: [] })), first),
      );
      body.blocks.push(merged);
    }
  }
  return withBody(base, body);
}

/** Terraform merges an override file category by category, in this order. */
const CATEGORY_ORDER = ['terraform', 'provider', 'variable', 'locals', 'output', 'module', 'resource', 'data'];

export function mergeOverrides(primary: Block[], overrides: Block[], diagnostics: Diagnostic[]): Block[] {
  const result = [...primary];
  const rank = (block: Block): number => {
    const index = CATEGORY_ORDER.indexOf(block.type);
    return index === -1 ? CATEGORY_ORDER.length : index;
  };
  const ordered = overrides.map((block, index) => ({ block, index })).sort((a, b) => rank(a.block) - rank(b.block) || a.index - b.index);
  for (const { block } of ordered) {
    if (block.type === 'locals') {
      for (const attr of block.body.attributes) {
        const index = result.findIndex((b) => b.type === 'locals' && b.body.attributes.some((a) => a.name === attr.name));
        const base = result[index];
        if (!base) {
          diagnostics.push(missingBase('Missing base local value definition to override', `There is no local value named "${attr.name}". An override file can only override a local value that was already defined in a primary configuration file.`, attr.range));
          continue;
        }
        result[index] = withBody(base, { ...base.body, attributes: base.body.attributes.map((a) => (a.name === attr.name ? attr : a)) });
      }
      continue;
    }
    if (block.type === 'terraform') {
      const index = result.findIndex((b) => b.type === 'terraform');
      const base = result[index];
      if (base) result[index] = mergeTerraform(base, block);
      else result.push(block);
      continue;
    }
    const id = identity(block);
    if (id === undefined) {
      result.push(block);
      continue;
    }
    const index = result.findIndex((b) => identity(b) === id);
    const base = result[index];
    if (base) {
      result[index] = withBody(base, mergeBody(base.body, block.body));
      continue;
    }
    const missing = missingBaseMessage(block, id);
    if (missing) diagnostics.push(missingBase(missing.summary, missing.detail, block.defRange));
    else result.push(block); // an absent default provider configuration is an empty one: the override defines it
  }
  return result;
}

/** Terraform's wording for an override block with nothing to override (undefined: allowed). */
function missingBaseMessage(block: Block, id: string): { summary: string; detail: string } | undefined {
  const [first = '', second = ''] = block.labels;
  switch (block.type) {
    case 'variable':
      return { summary: 'Missing base variable declaration to override', detail: `There is no variable named "${first}". An override file can only override a variable that was already declared in a primary configuration file.` };
    case 'output':
      return { summary: 'Missing base output definition to override', detail: `There is no output named "${first}". An override file can only override an output that was already defined in a primary configuration file.` };
    case 'module':
      return { summary: 'Missing module call to override', detail: `There is no module call named "${first}". An override file can only override a module call that was defined in a primary configuration file.` };
    case 'resource':
      return { summary: 'Missing resource to override', detail: `There is no ${first} resource named "${second}". An override file can only override a resource block defined in a primary configuration file.` };
    case 'data':
      return { summary: 'Missing data resource to override', detail: `There is no ${first} data resource named "${second}". An override file can only override a data block defined in a primary configuration file.` };
    case 'provider':
      if (!id.includes('.')) return undefined;
      return { summary: 'Missing base provider configuration for override', detail: `There is no ${first} provider configuration with the alias "${id.slice(id.indexOf('.') + 1)}". An override file can only override an aliased provider configuration that was already defined in a primary configuration file.` };
    default:
      return undefined;
  }
}

function missingBase(summary: string, detail: string, range: SourceRange): Diagnostic {
  return { severity: 'error', summary, detail, range, source: 'terraform', code: 'missing-override-base' };
}
