import type { Diagnostic } from '../core/diagnostics.ts';
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
      if (replacement) blocks.push({ ...block, body: mergeBody(block.body, replacement.body) });
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
        (acc, b) => ({ ...acc, body: mergeBody(acc.body, { ...b.body, blocks: [] }) }),
        baseProviders.slice(1).reduce((acc, b) => ({ ...acc, body: mergeBody(acc.body, { ...b.body, blocks: [] }) }), first),
      );
      body.blocks.push(merged);
    }
  }
  return { ...base, body };
}

export function mergeOverrides(primary: Block[], overrides: Block[], diagnostics: Diagnostic[]): Block[] {
  const result = [...primary];
  for (const block of overrides) {
    if (block.type === 'locals') {
      for (const attr of block.body.attributes) {
        const index = result.findIndex((b) => b.type === 'locals' && b.body.attributes.some((a) => a.name === attr.name));
        const base = result[index];
        if (!base) {
          diagnostics.push(missingBase(block, `local value "${attr.name}"`));
          continue;
        }
        result[index] = { ...base, body: { ...base.body, attributes: base.body.attributes.map((a) => (a.name === attr.name ? attr : a)) } };
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
    const index = id === undefined ? -1 : result.findIndex((b) => identity(b) === id);
    const base = result[index];
    if (!base) {
      diagnostics.push(missingBase(block, `${block.type} ${block.labels.map((l) => `"${l}"`).join(' ')}`.trim()));
      continue;
    }
    result[index] = { ...base, body: mergeBody(base.body, block.body) };
  }
  return result;
}

function missingBase(block: Block, what: string): Diagnostic {
  const kind = block.type === 'data' ? 'data resource' : block.type === 'locals' ? 'local value' : block.type;
  return {
    severity: 'error',
    summary: `Missing base ${kind} for override`,
    detail: `There is no ${what} defined. An override file can only override a ${kind} block defined in a primary configuration file.`,
    range: block.defRange,
    source: 'terraform',
    code: 'missing-override-base',
  };
}
