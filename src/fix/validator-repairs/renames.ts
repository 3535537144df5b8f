import { allModules, attributeAt, blockAt, closeName, moduleOfFile, quotedNames, referencesIn, schemaOfChain, suggestionOf } from '../locate.ts';
import { impliedProviderLocalName } from '../../schema/provider-address.ts';
import { requiredProvidersOf } from '../../schema/resolve-provider.ts';
import { lookupFunctionSignature } from '../../terraform/functions/signatures.ts';
import { sliceBytes } from '../source-edit.ts';
import type { RepairContext, ValidatorRepairRule } from '../repair.ts';
import { diagnosticsWithCode, replaceRange, textAt, validatorRepair } from '../repair-helpers.ts';
import { editDistance } from '../../validate/did-you-mean.ts';

/** `Unsupported argument ... Did you mean "x"?`: the argument name is replaced by the suggestion. */
export const renameArgument: ValidatorRepairRule = {
  kind: 'rename-argument',
  summary: 'an unsupported argument with one close match (Terraform\'s "Did you mean", or the one argument it extends by whole words) is renamed to it',
  propose(context) {
    return diagnosticsWithCode(context, 'unsupported-argument').flatMap((d) => {
      const [from] = quotedNames(d.detail);
      const file = context.files.get(d.range.filename);
      if (!from || !file || textAt(context, d.range) !== from || /Did you mean to define/.test(d.detail)) return [];
      const found = attributeAt(file, d.range.start.byte);
      const module = moduleOfFile(context.configuration, d.range.filename);
      const schema = found && module ? schemaOfChain(found.chain, module, context.schemas) : undefined;
      const to = suggestionOf(d) ?? (schema ? closeName(from, Object.keys(schema.attributes ?? {})) : undefined);
      if (!to) return [];
      const body = found?.chain.at(-1)?.body ?? file.body;
      if (body.attributes.some((a) => a.name === to) || body.blocks.some((b) => b.type === to)) return [];
      return [validatorRepair('rename-argument', d, `rename argument "${from}" to "${to}"`, [replaceRange(d.range, to)])];
    });
  },
};

/** `Unsupported block type ... Did you mean "x"?` (also `resorce` at the top level): the block type is renamed. */
export const renameBlockType: ValidatorRepairRule = {
  kind: 'rename-block-type',
  summary: 'an unsupported block type with one close match is renamed to it (nested blocks and top-level keywords such as `resorce`)',
  propose(context) {
    return diagnosticsWithCode(context, 'unsupported-block-type').flatMap((d) => {
      const [from] = quotedNames(d.detail);
      const file = context.files.get(d.range.filename);
      const found = file ? blockAt(file, d.range.start.byte) : undefined;
      if (!from || !file || !found || textAt(context, d.range) !== from || /Did you mean to define/.test(d.detail)) return [];
      const module = moduleOfFile(context.configuration, d.range.filename);
      const schema = found.chain.length > 1 && module ? schemaOfChain(found.chain.slice(0, -1), module, context.schemas) : undefined;
      const to = suggestionOf(d) ?? (schema ? closeName(from, Object.keys(schema.block_types ?? {})) : undefined);
      if (!to) return [];
      return [validatorRepair('rename-block-type', d, `rename block "${from}" to "${to}"`, [replaceRange(d.range, to)])];
    });
  },
};

/** `Call to unknown function ... Did you mean "x"?`: the function name is replaced. */
export const renameFunction: ValidatorRepairRule = {
  kind: 'rename-function',
  summary: 'a call to an unknown function with one close match is renamed to it',
  propose(context) {
    return diagnosticsWithCode(context, 'unknown-function').flatMap((d) => {
      const to = suggestionOf(d);
      const [from] = quotedNames(d.detail);
      if (!to || !from || textAt(context, d.range) !== from) return [];
      return [validatorRepair('rename-function', d, `call ${to}() instead of the unknown ${from}()`, [replaceRange(d.range, to)])];
    });
  },
};

/** `Unsupported attribute ... Did you mean "x"?` on a reference step (`.idx`): the step is renamed. */
export const renameAttributeReference: ValidatorRepairRule = {
  kind: 'rename-attribute-reference',
  summary: 'a reference to an attribute the object does not have, with one close match, is renamed to it',
  propose(context) {
    return diagnosticsWithCode(context, 'unsupported-attribute').flatMap((d) => {
      const to = suggestionOf(d);
      const [from] = quotedNames(d.detail);
      if (!to || !from || textAt(context, d.range) !== `.${from}`) return [];
      return [validatorRepair('rename-attribute-reference', d, `reference attribute "${to}" instead of "${from}"`, [replaceRange(d.range, `.${to}`)])];
    });
  },
};

/**
 * `Invalid resource type "x"`: the type label is renamed to Terraform's suggestion; without one, to the type the
 * configuration's own references use for a resource of that name (`aws_vpc.main` referenced, `aws_vpcx_config.main`
 * declared), when exactly one such valid type is referenced.
 */
export const renameResourceType: ValidatorRepairRule = {
  kind: 'rename-resource-type',
  summary: 'a resource of a type the provider does not have is renamed to the suggested type, or to the one type its references use',
  propose(context) {
    return diagnosticsWithCode(context, 'invalid-resource-type').flatMap((d) => {
      const [from] = quotedNames(d.detail.replace(/^The provider [^ ]+ /, ''));
      const label = textAt(context, d.range);
      if (!from || label !== `"${from}"`) return [];
      const file = context.files.get(d.range.filename);
      const block = file?.body.blocks.find((b) => b.labelRanges[0]?.start.byte === d.range.start.byte);
      const name = block?.labels[1];
      if (!block || !name) return [];
      let to = suggestionOf(d);
      if (!to) {
        const referenced = new Set(
          diagnosticsWithCode(context, 'undeclared-resource')
            .map((u) => quotedNames(u.detail))
            .filter(([type, n]) => n === name && type !== undefined && type.split('_')[0] === from.split('_')[0] && context.schemas.resourceSchema(type.split('_')[0]!, type, block.type === 'data' ? 'data' : 'managed') !== undefined)
            .map(([type]) => type!),
        );
        if (referenced.size === 1) to = [...referenced][0];
      }
      to ??= closeName(from, context.schemas.resourceTypes(from.split('_')[0]!, block.type === 'data' ? 'data' : 'managed'));
      if (!to) return [];
      return [validatorRepair('rename-resource-type', d, `change the resource type "${from}" to "${to}"`, [replaceRange(d.range, `"${to}"`)])];
    });
  },
};

/**
 * `Reference to undeclared resource`: the reference is pointed at the only resource of that type in the module, or
 * at the one declared name close to it. Not when a resource of that name has an invalid type (renaming the type is
 * the repair then).
 */
export const renameResourceReference: ValidatorRepairRule = {
  kind: 'rename-resource-reference',
  summary: 'a reference to an undeclared resource is pointed at the only resource of that type in the module, or the one with a close name',
  propose(context) {
    const invalidNames = new Set(
      diagnosticsWithCode(context, 'invalid-resource-type').flatMap((d) => {
        const block = context.files.get(d.range.filename)?.body.blocks.find((b) => b.labelRanges[0]?.start.byte === d.range.start.byte);
        return block?.labels[1] ? [block.labels[1]] : [];
      }),
    );
    return diagnosticsWithCode(context, 'undeclared-resource').flatMap((d) => {
      const data = d.detail.startsWith('A data resource');
      const [type, name] = quotedNames(d.detail);
      const file = context.files.get(d.range.filename);
      const module = moduleOfFile(context.configuration, d.range.filename);
      if (!type || !name || !file || !module || invalidNames.has(name)) return [];
      const candidates = module.resources.filter((r) => r.type === type && r.mode === (data ? 'data' : 'managed')).map((r) => r.name);
      const to = candidates.length === 1 ? candidates[0] : closeName(name, candidates);
      if (!to) return [];
      const traversal = referencesIn(file).traversals.find((t) => t.rootRange.start.byte === d.range.start.byte);
      const step = traversal?.steps[data ? 1 : 0];
      if (!step || step.kind !== 'attr' || step.name !== name) return [];
      const what = data ? `data.${type}` : type;
      return [validatorRepair('rename-resource-reference', d, `refer to ${what}.${to} instead of the undeclared ${what}.${name}`, [replaceRange(step.range, `.${to}`)])];
    });
  },
};

/**
 * `Missing required provider` for a provider no registry has (`hashicorp/awsv` from a mistyped `awsv_pc`): each
 * resource whose type implies it is renamed to the one resource type of a provider iacpac knows that is fewer than 3
 * edits away (Terraform's did-you-mean distance).
 */
export const renameUnknownProviderType: ValidatorRepairRule = {
  kind: 'rename-unknown-provider-type',
  summary: 'a resource whose type implies a provider that does not exist is renamed to the one known resource type close to it',
  propose(context) {
    const missing = new Set(
      context.diagnostics.filter((d) => d.severity === 'error' && d.code === 'missing-required-provider').flatMap((d) => {
        const match = /requires provider registry\.terraform\.io\/hashicorp\/([\w-]+),/.exec(d.detail);
        return match ? [match[1]!] : [];
      }),
    );
    if (missing.size === 0) return [];
    return allModules(context.configuration).flatMap((module) => {
      const declared = requiredProvidersOf(module);
      return module.resources.flatMap((resource) => {
        const local = resource.providerLocalName || impliedProviderLocalName(resource.type);
        const label = resource.block.labelRanges[0];
        if (!missing.has(local) || declared.has(local) || !label || !context.sources.has(label.filename) || !label.filename.endsWith('.tf')) return [];
        const types = context.schemas.addresses().flatMap((address) => context.schemas.resourceTypes(address, resource.mode));
        const near = [...new Set(types)].filter((t) => editDistance(resource.type, t) < 3);
        if (near.length !== 1) return [];
        const to = near[0]!;
        const diagnostic = { severity: 'error' as const, summary: 'Missing required provider', detail: context.diagnostics.find((d) => d.code === 'missing-required-provider')?.detail ?? '', range: label };
        return [validatorRepair('rename-unknown-provider-type', diagnostic, `change the resource type "${resource.type}" to "${to}"`, [replaceRange(label, `"${to}"`)])];
      });
    });
  },
};

/**
 * `Too many function arguments`: a function that takes a fixed number of arguments loses the extra ones (the note
 * keeps their text).
 */
export const removeExtraFunctionArguments: ValidatorRepairRule = {
  kind: 'remove-extra-function-arguments',
  summary: 'a call with more arguments than the function takes loses the extra ones (their text is kept in the note)',
  propose(context) {
    return diagnosticsWithCode(context, 'too-many-function-arguments').flatMap((d) => {
      const file = context.files.get(d.range.filename);
      const source = context.sources.get(d.range.filename);
      const call = file ? referencesIn(file).calls.find((c) => c.args.some((a) => a.range.start.byte <= d.range.start.byte && d.range.start.byte < a.range.end.byte)) : undefined;
      const signature = call ? lookupFunctionSignature(call.name) : undefined;
      if (!call || !source || !signature || signature.variadic || call.expandFinal || call.args.length <= signature.params.length || signature.params.length === 0) return [];
      const keep = call.args[signature.params.length - 1]!;
      const last = call.args.at(-1)!;
      const removed = sliceBytes(source, call.args[signature.params.length]!.range.start.byte, last.range.end.byte);
      return [
        validatorRepair('remove-extra-function-arguments', d, `drop the argument(s) ${call.name}() does not take`, [{ file: d.range.filename, start: keep.range.end.byte, end: last.range.end.byte, text: '' }], `removed \`${removed}\` from the call of ${call.name}(), which takes ${signature.params.length} argument(s)`),
      ];
    });
  },
};

export type { RepairContext };
