import type { Attribute, Block, Body, Expression } from '../hcl/ast.ts';
import type { SchemaAttribute, SchemaBlock, SchemaBlockType } from '../schema/provider-schema.ts';
import { charRange, errorAt, rangeString, type ValidatorDiagnostic } from './diagnostic.ts';
import { didYouMean, nameSuggestion } from './did-you-mean.ts';
import { blockLikeAttributeElement } from './type-conversion.ts';

/** An attribute that the schema declares, with the names bound around it (dynamic block iterators). */
export interface TypedAttribute {
  attribute: Attribute;
  schema: SchemaAttribute;
  locals: ReadonlySet<string>;
  /** The `for_each` of each `dynamic` block around the attribute, outermost first (none outside dynamic blocks). */
  forEach: readonly Expression[];
}

/** An expression to check for references, with its locally bound names. */
export interface ScopedExpression {
  expr: Expression;
  locals: ReadonlySet<string>;
  /** The `for_each` of each `dynamic` block around the expression, outermost first. */
  forEach: readonly Expression[];
}

/** What decoding a body against its schema found (HCL `Body.Content` + hcldec block counts). */
export interface DecodedBody {
  /** Unsupported arguments and block types, missing required arguments, block count problems. */
  content: ValidatorDiagnostic[];
  /** Attributes the schema knows, for type and evaluation checks. */
  typed: TypedAttribute[];
  /** Expressions Terraform collects references from (only those the schema knows about). */
  expressions: ScopedExpression[];
}

const MAX_DEPTH = 64;

/** Decodes `body` against `schema` the way Terraform decodes a resource, data source or provider body. */
export function decodeBody(body: Body, schema: SchemaBlock, locals: ReadonlySet<string> = new Set()): DecodedBody {
  const out: DecodedBody = { content: [], typed: [], expressions: [] };
  decodeInto(body, schema, locals, out, 0, []);
  return out;
}

function decodeInto(body: Body, schema: SchemaBlock, locals: ReadonlySet<string>, out: DecodedBody, depth: number, forEach: readonly Expression[]): void {
  if (depth > MAX_DEPTH) return;
  const attributes = schema.attributes ?? {};
  const blockTypes = withBlockLikeAttributes(schema, body);
  const missingRange = charRange(body.range.filename, body.range.start);

  const present = new Set<string>();
  for (const block of body.blocks) {
    if (Object.hasOwn(attributes, block.type) && Object.hasOwn(blockTypes, block.type)) present.add(block.type);
    if (block.type === 'dynamic' && block.labels[0] !== undefined && Object.hasOwn(attributes, block.labels[0])) present.add(block.labels[0]);
  }
  for (const attribute of body.attributes) {
    const attributeSchema = Object.hasOwn(attributes, attribute.name) ? attributes[attribute.name] : undefined;
    if (attributeSchema) {
      present.add(attribute.name);
      out.typed.push({ attribute, schema: attributeSchema, locals, forEach });
      out.expressions.push({ expr: attribute.expr, locals, forEach });
      continue;
    }
    let suggestion = didYouMean(attribute.name, Object.keys(attributes));
    if (!suggestion && Object.hasOwn(blockTypes, attribute.name)) {
      suggestion = ` Did you mean to define a block of type "${attribute.name}"?`;
    }
    out.content.push(
      errorAt('unsupported-argument', 'Unsupported argument', `An argument named "${attribute.name}" is not expected here.${suggestion}`, attribute.nameRange),
    );
  }
  for (const name of requiredNames(schema)) {
    if (!present.has(name)) {
      out.content.push(
        errorAt('missing-required-argument', 'Missing required argument', `The argument "${name}" is required, but no definition was found.`, missingRange),
      );
    }
  }

  const blocksByType = new Map<string, Block[]>();
  const dynamicTypes = new Set<string>();
  for (const block of body.blocks) {
    if (block.type === 'dynamic' && !Object.hasOwn(blockTypes, 'dynamic')) {
      decodeDynamic(block, blockTypes, locals, out, depth, forEach);
      if (block.labels[0] !== undefined) dynamicTypes.add(block.labels[0]);
      continue;
    }
    const blockType = Object.hasOwn(blockTypes, block.type) ? blockTypes[block.type] : undefined;
    if (!blockType) {
      let suggestion = '';
      const similar = nameSuggestion(block.type, Object.keys(blockTypes).sort());
      if (similar !== undefined) suggestion = ` Did you mean "${similar}"?`;
      else if (Object.hasOwn(attributes, block.type)) {
        suggestion = ` Did you mean to define argument "${block.type}"? If so, use the equals sign to assign it a value.`;
      }
      out.content.push(
        errorAt('unsupported-block-type', 'Unsupported block type', `Blocks of type "${block.type}" are not expected here.${suggestion}`, block.typeRange),
      );
      continue;
    }
    const extraLabel = block.labelRanges[0];
    if (extraLabel) {
      out.content.push(
        errorAt(
          'extraneous-label',
          `Extraneous label for ${block.type}`,
          `No labels are expected for ${block.type} blocks.`,
          extraLabel,
          { filename: extraLabel.filename, start: block.typeRange.start, end: charRange(block.body.range.filename, block.body.range.start).end },
        ),
      );
      continue;
    }
    const list = blocksByType.get(block.type) ?? [];
    list.push(block);
    blocksByType.set(block.type, list);
    decodeInto(block.body, blockType.block, locals, out, depth + 1, forEach);
  }

  for (const [name, blockType] of Object.entries(blockTypes)) {
    if (dynamicTypes.has(name) || Object.hasOwn(attributes, name)) continue;
    checkBlockCount(name, blockType, blocksByType.get(name) ?? [], missingRange, out);
  }
}

/** The required attributes of a schema block, in schema order (made once per schema block). */
function requiredNames(schema: SchemaBlock): readonly string[] {
  let names = required.get(schema);
  if (!names) {
    names = Object.entries(schema.attributes ?? {}).flatMap(([name, attribute]) => (attribute.required ? [name] : []));
    required.set(schema, names);
  }
  return names;
}

const required = new WeakMap<SchemaBlock, string[]>();

/**
 * The block types of `schema` plus, as Terraform's `blocktoattr` does, attributes of list/set-of-object type
 * (these may be written as blocks; each object attribute becomes an optional block argument).
 */
function withBlockLikeAttributes(schema: SchemaBlock, body: Body): Record<string, SchemaBlockType> {
  const blockTypes = schema.block_types ?? {};
  let out: Record<string, SchemaBlockType> | undefined;
  for (const [name, blockType] of blockLikeAttributes(schema)) {
    if (body.attributes.some((a) => a.name === name)) continue;
    out ??= { ...blockTypes };
    out[name] = blockType;
  }
  return out ?? blockTypes;
}

/** A schema's attributes that may be written as blocks, each as the block type it stands for (made once per schema). */
function blockLikeAttributes(schema: SchemaBlock): ReadonlyArray<readonly [string, SchemaBlockType]> {
  let made = blockLike.get(schema);
  if (!made) {
    made = [];
    for (const [name, attribute] of Object.entries(schema.attributes ?? {})) {
      const element = blockLikeAttributeElement(attribute);
      if (!element) continue;
      const synthesized: SchemaBlock = { attributes: {} };
      for (const [key, type] of Object.entries(element)) (synthesized.attributes as Record<string, SchemaAttribute>)[key] = { type, optional: true };
      made.push([name, { nesting_mode: 'list', block: synthesized }]);
    }
    blockLike.set(schema, made);
  }
  return made;
}

const blockLike = new WeakMap<SchemaBlock, Array<readonly [string, SchemaBlockType]>>();

function checkBlockCount(
  name: string,
  blockType: SchemaBlockType,
  blocks: Block[],
  missingRange: ReturnType<typeof charRange>,
  out: DecodedBody,
): void {
  const min = blockType.min_items ?? 0;
  const max = blockType.max_items ?? 0;
  if (blockType.nesting_mode === 'single' || blockType.nesting_mode === 'group') {
    const [first, second] = blocks;
    if (first && second) {
      out.content.push(
        errorAt(
          'duplicate-block',
          `Duplicate ${name} block`,
          `Only one ${name} block is allowed. Another was defined at ${rangeString(first.defRange)}.`,
          second.defRange,
        ),
      );
    } else if (!first && min === 1) {
      out.content.push(errorAt('missing-block', `Missing ${name} block`, `A block of type "${name}" is required here.`, missingRange));
    }
    return;
  }
  if (blockType.nesting_mode === 'map') return;
  if (blocks.length < min) {
    const last = blocks[blocks.length - 1];
    out.content.push(
      errorAt(
        'insufficient-blocks',
        `Insufficient ${name} blocks`,
        `At least ${min} "${name}" blocks are required.`,
        last ? charRange(last.body.range.filename, last.body.range.start) : missingRange,
      ),
    );
  } else if (max > 0 && blocks.length > max) {
    const extra = blocks[max] as Block;
    out.content.push(
      errorAt(
        'too-many-blocks',
        `Too many ${name} blocks`,
        `No more than ${max} "${name}" blocks are allowed`,
        charRange(extra.body.range.filename, extra.body.range.start),
      ),
    );
  }
}

/** `dynamic "x" { for_each = ..., iterator = it, content { ... } }` generates `x` blocks from `content`. */
function decodeDynamic(
  block: Block,
  blockTypes: Record<string, SchemaBlockType>,
  locals: ReadonlySet<string>,
  out: DecodedBody,
  depth: number,
  forEach: readonly Expression[],
): void {
  const typeName = block.labels[0];
  if (typeName === undefined) return;
  const blockType = Object.hasOwn(blockTypes, typeName) ? blockTypes[typeName] : undefined;
  if (!blockType) {
    out.content.push(
      errorAt(
        'unsupported-block-type',
        'Unsupported block type',
        `Blocks of type "${typeName}" are not expected here.${didYouMean(typeName, Object.keys(blockTypes))}`,
        block.labelRanges[0] ?? block.typeRange,
      ),
    );
    return;
  }
  let iterator = typeName;
  for (const attribute of block.body.attributes) {
    if (attribute.name === 'iterator' && attribute.expr.kind === 'traversal' && attribute.expr.steps.length === 0) {
      iterator = attribute.expr.root;
    }
  }
  const ownForEach = block.body.attributes.find((a) => a.name === 'for_each')?.expr;
  const innerForEach = ownForEach ? [...forEach, ownForEach] : forEach;
  for (const attribute of block.body.attributes) {
    if (attribute.name === 'for_each') out.expressions.push({ expr: attribute.expr, locals, forEach });
    if (attribute.name === 'labels') out.expressions.push({ expr: attribute.expr, locals: new Set([...locals, iterator]), forEach: innerForEach });
  }
  const inner = new Set([...locals, iterator]);
  for (const content of block.body.blocks) {
    if (content.type === 'content') decodeInto(content.body, blockType.block, inner, out, depth + 1, innerForEach);
    else {
      // A dynamic block's body holds only for_each, iterator, labels and one content block (not another dynamic).
      const similar = nameSuggestion(content.type, ['content']);
      out.content.push(
        errorAt(
          'unsupported-block-type',
          'Unsupported block type',
          `Blocks of type "${content.type}" are not expected here.${similar ? ` Did you mean "${similar}"?` : ''}`,
          content.typeRange,
        ),
      );
    }
  }
}
