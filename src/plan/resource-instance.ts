import type { Expression } from '../hcl/ast.ts';
import type { Schema } from '../schema/provider-schema.ts';
import {
  isObject,
  Sensitive,
  UNKNOWN,
  type TfObject,
  type TfValue,
} from '../terraform/eval/value.ts';
import { readIamPolicyDocument } from './aws/iam-policy-document.ts';
import { readRegion } from './aws/region.ts';
import type { PlanRun, ResourceNode } from './module-instance.ts';
import { configWhollyKnown, planObject } from './planned-object.ts';
import { NO_DEFAULTS } from './provider-defaults.ts';

/** One planned resource instance. */
export interface PlannedInstance {
  address: string;
  node: ResourceNode;
  key: string | number | undefined;
  schema: Schema | undefined;
  /** The planned object (unknowns as Unknown, sensitive parts marked); what references see. */
  value: TfValue;
  /**
   * `create` for managed resources; `read` for data sources read during apply (deferred);
   * `read-now` for data sources iacpac reads during planning, as the provider would (prior_state).
   */
  action: 'create' | 'read' | 'read-now';
  actionReason?: string;
}

export interface PlanInstanceInput {
  run: PlanRun;
  node: ResourceNode;
  address: string;
  key: string | number | undefined;
  evaluate: (expr: Expression, extra: ReadonlyMap<string, TfValue>) => TfValue;
}

/** Data sources the provider computes locally, read during planning when their configuration is known. */
const LOCAL_DATA_SOURCES: Record<string, (config: TfObject, input: PlanInstanceInput) => TfObject | undefined> = {
  aws_iam_policy_document: (config) => readIamPolicyDocument(config),
  aws_region: (config, input) => readRegion(config, providerRegion(input)),
  aws_partition: (config, input) => {
    const region = providerRegion(input);
    const partition = typeof region === 'string' && region.startsWith('cn-') ? 'aws-cn' : typeof region === 'string' && region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws';
    const suffix = partition === 'aws-cn' ? 'amazonaws.com.cn' : 'amazonaws.com';
    return { ...config, id: partition, partition, dns_suffix: suffix, reverse_dns_prefix: suffix.split('.').reverse().join('.') };
  },
};

export function planResourceInstance(input: PlanInstanceInput): PlannedInstance {
  const { run, node } = input;
  const resource = node.resource;
  const schema = run.schemas?.resourceSchema(node.providerAddress, resource.type, resource.mode);
  const managed = resource.mode === 'managed';
  const made = (value: TfValue, action: PlannedInstance['action']): PlannedInstance => ({ address: input.address, node, key: input.key, schema, value, action });
  if (!schema) return made(untypedObject(input), managed ? 'create' : 'read');
  const value = planObject(resource.config, schema.block, {
    evaluate: input.evaluate,
    defaults: managed ? run.defaults : NO_DEFAULTS,
    type: resource.type,
    legacyShim: managed,
    ...(run.lenient ? { lenient: run.lenient } : {}),
    ...(managed ? { defaultTags: providerDefaultTags(input) } : {}),
    warn: (message, expr) => run.diagnostics.push({ severity: 'warning', summary: 'Cannot expand dynamic block', detail: message, range: expr.range, source: 'plan' }),
  });
  if (managed) return made(value, 'create');
  const dependsOnPending = resource.dependsOn.length > 0;
  const read = LOCAL_DATA_SOURCES[resource.type];
  if (read && !dependsOnPending && configWhollyKnown(value)) {
    const result = read(stripMarks(value) as TfObject, input);
    if (result) return made(result, 'read-now');
  }
  const instance = made(value, 'read');
  instance.actionReason = configWhollyKnown(value) && dependsOnPending ? 'read_because_dependency_pending' : 'read_because_config_unknown';
  return instance;
}

/** A resource type without a schema: its arguments as evaluated, nested blocks as lists. */
function untypedObject(input: PlanInstanceInput): TfObject {
  const out: TfObject = {};
  const walk = (body: typeof input.node.resource.config, target: TfObject, depth: number) => {
    for (const attribute of body.attributes) target[attribute.name] = input.evaluate(attribute.expr, new Map());
    if (depth > 16) return;
    for (const block of body.blocks) {
      if (block.type === 'dynamic') continue;
      const list = (Array.isArray(target[block.type]) ? target[block.type] : (target[block.type] = [])) as TfValue[];
      const nested: TfObject = {};
      walk(block.body, nested, depth + 1);
      list.push(nested);
    }
  };
  walk(input.node.resource.config, out, 0);
  return out;
}

/** `default_tags { tags = {...} }` of the resource's provider configuration (root or own module). */
function providerDefaultTags(input: PlanInstanceInput): TfValue | undefined {
  const provider = providerBlock(input);
  const block = provider?.block.body.blocks.find((b) => b.type === 'default_tags');
  const tags = block?.body.attributes.find((a) => a.name === 'tags');
  return tags ? input.node.owner.evaluate(tags.expr, {}) : undefined;
}

function providerBlock(input: PlanInstanceInput) {
  const wanted = input.node.resource.providerAlias;
  const name = input.node.resource.providerLocalName;
  for (let instance: typeof input.node.owner | undefined = input.node.owner; instance; instance = instance.callContext?.parent) {
    const found = instance.module.providers.find((p) => p.name === name && p.alias === wanted);
    if (found) return found;
  }
  return undefined;
}

function providerRegion(input: PlanInstanceInput): TfValue | undefined {
  const provider = providerBlock(input);
  const region = provider?.block.body.attributes.find((a) => a.name === 'region');
  if (!region) return undefined;
  const value = input.node.owner.evaluate(region.expr, {});
  return value instanceof Sensitive ? value.value : value === UNKNOWN ? undefined : value;
}

function stripMarks(v: TfValue): TfValue {
  if (v instanceof Sensitive) return stripMarks(v.value);
  if (Array.isArray(v)) return v.map(stripMarks);
  if (isObject(v)) {
    const out: TfObject = {};
    for (const [k, x] of Object.entries(v)) out[k] = stripMarks(x);
    return out;
  }
  return v;
}
