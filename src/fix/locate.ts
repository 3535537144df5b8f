import type { Diagnostic } from '../core/diagnostics.ts';
import type { SourceRange } from '../core/source-range.ts';
import type { Attribute, Block, Body, Expression, FunctionCallExpr, HclFile, ScopeTraversalExpr } from '../hcl/ast.ts';
import type { ProviderSchemas } from '../schema/provider-schemas.ts';
import { requiredProvidersOf, resolveResourceProvider } from '../schema/resolve-provider.ts';
import type { SchemaBlock } from '../schema/provider-schema.ts';
import type { Configuration, Resource, TerraformModule } from '../terraform/model.ts';
import { editDistance } from '../validate/did-you-mean.ts';
import { walkExpression } from '../validate/walk-expression.ts';

/** Finding the HCL nodes a diagnostic or finding points at, and the provider schema that applies there. */

export function allModules(configuration: Configuration): TerraformModule[] {
  const out: TerraformModule[] = [];
  const visit = (module: TerraformModule, depth: number): void => {
    out.push(module);
    if (depth < 64) for (const call of module.moduleCalls) if (call.module) visit(call.module, depth + 1);
  };
  visit(configuration.root, 0);
  return out;
}

export function moduleOfFile(configuration: Configuration, filename: string): TerraformModule | undefined {
  return allModules(configuration).find((m) => m.files.some((f) => f.filename === filename));
}

/** `Did you mean "x"?` in a diagnostic's detail. */
export function suggestionOf(diagnostic: Diagnostic): string | undefined {
  return /Did you mean "([^"]+)"\?/.exec(diagnostic.detail)?.[1];
}

/**
 * A name for `given` among `candidates` when Terraform offered none: the one candidate that `given` extends by whole
 * `_`-separated words (`listener_config` -> `listener`, `primary_old` -> `primary`, `cidr` -> `cidr_block`), or the
 * one candidate fewer than 3 edits away (Terraform's did-you-mean distance). Undefined when there is none or more
 * than one, so the choice is never a guess between names.
 */
export function closeName(given: string, candidates: Iterable<string>): string | undefined {
  const sorted = [...new Set(candidates)].filter((c) => c !== given).sort();
  const near = sorted.filter((c) => editDistance(given, c) < 3);
  if (near.length > 0) return near.length === 1 ? near[0] : undefined;
  const extended = sorted.filter((c) => given.startsWith(`${c}_`) || given.endsWith(`_${c}`) || c.startsWith(`${given}_`));
  return extended.length === 1 ? extended[0] : undefined;
}

/** The quoted names of a detail, in order (`A managed resource "aws_vpc" "main" ...` -> [aws_vpc, main]). */
export function quotedNames(detail: string): string[] {
  return [...detail.matchAll(/"([^"]*)"/g)].map((m) => m[1]!);
}

/** The blocks enclosing byte `at`, outermost first. */
export function blockChainAt(body: Body, at: number): Block[] {
  const chain: Block[] = [];
  let current: Body | undefined = body;
  while (current) {
    const inner: Block | undefined = current.blocks.find((b) => b.range.start.byte <= at && at < b.range.end.byte);
    if (!inner) break;
    chain.push(inner);
    current = inner.body;
  }
  return chain;
}

/** The attribute whose name starts at byte `at`, with the blocks around it. */
export function attributeAt(file: HclFile, at: number): { attribute: Attribute; chain: Block[] } | undefined {
  const chain = blockChainAt(file.body, at);
  const body = chain.at(-1)?.body ?? file.body;
  const attribute = body.attributes.find((a) => a.nameRange.start.byte === at);
  return attribute ? { attribute, chain } : undefined;
}

/** The block whose type keyword starts at byte `at`, with the blocks around it (the block itself last). */
export function blockAt(file: HclFile, at: number): { block: Block; chain: Block[] } | undefined {
  const chain = blockChainAt(file.body, at);
  const block = chain.at(-1);
  return block && block.typeRange.start.byte === at ? { block, chain } : undefined;
}

/** Every expression of a body, nested blocks included. */
export function forEachExpression(body: Body, visit: (expr: Expression) => void, depth = 0): void {
  if (depth > 64) return;
  for (const attribute of body.attributes) visit(attribute.expr);
  for (const block of body.blocks) forEachExpression(block.body, visit, depth + 1);
}

/** The traversals and calls of a file (outside locally bound names), in source order. */
export function referencesIn(file: HclFile): { traversals: ScopeTraversalExpr[]; calls: FunctionCallExpr[] } {
  const traversals: ScopeTraversalExpr[] = [];
  const calls: FunctionCallExpr[] = [];
  forEachExpression(file.body, (expr) => walkExpression(expr, { traversal: (t) => traversals.push(t), call: (c) => calls.push(c) }));
  return { traversals, calls };
}

export function sameStart(range: SourceRange | undefined, other: SourceRange): boolean {
  return !!range && range.filename === other.filename && range.start.byte === other.start.byte;
}

/** The resource of the module declared by `block` (a top-level resource/data block). */
export function resourceOfBlock(module: TerraformModule, block: Block): Resource | undefined {
  return module.resources.find((r) => r.block === block);
}

/**
 * The schema of the innermost block of `chain` (a resource or data block, then nested blocks), or undefined when
 * it is not a resource body or the provider has no schema for it.
 */
export function schemaOfChain(chain: readonly Block[], module: TerraformModule, schemas: ProviderSchemas): SchemaBlock | undefined {
  const top = chain[0];
  if (!top || (top.type !== 'resource' && top.type !== 'data')) return undefined;
  const resource = resourceOfBlock(module, top);
  if (!resource) return undefined;
  let schema = resourceSchemaOf(resource, module, schemas);
  for (const block of chain.slice(1)) {
    if (!schema) return undefined;
    if (block.type === 'dynamic') return undefined;
    schema = schema.block_types?.[block.type]?.block;
  }
  return schema;
}

/** The schema of a resource's body, through the module's `required_providers`. */
export function resourceSchemaOf(resource: Resource, module: TerraformModule, schemas: ProviderSchemas): SchemaBlock | undefined {
  const provider = resolveResourceProvider(resource, requiredProvidersOf(module));
  return schemas.resourceSchema(provider.address, resource.type, resource.mode)?.block;
}
