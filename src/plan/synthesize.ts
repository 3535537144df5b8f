import { UsageError } from '../core/errors.ts';
import type { Diagnostic } from '../core/diagnostics.ts';
import type { Body, Expression } from '../hcl/ast.ts';
import { loadBundledSchemas, type ProviderSchemas } from '../schema/index.ts';
import { typeToJson } from '../terraform/eval/types.ts';
import { containsSensitive, fromJson, isWhollyKnown, Sensitive, typeOf, Unknown, type TfObject, type TfValue } from '../terraform/eval/value.ts';
import type { Configuration } from '../terraform/model.ts';
import { modulePrefix } from '../terraform/module-address.ts';
import { configurationJson } from './configuration-json.ts';
import { ModuleInstance, type PlanRun } from './module-instance.ts';
import type {
  JsonObject,
  JsonValue,
  ModuleValuesJson,
  OutputChangeJson,
  OutputValueJson,
  PlanJson,
  ResourceChangeJson,
  ResourceValuesJson,
} from './plan-json.ts';
import { bundledProviderDefaults, type ProviderDefaults } from './provider-defaults.ts';
import { parsedReferences } from './references.ts';
import { planChecks } from './checks.ts';
import type { PlannedInstance } from './resource-instance.ts';
import { knownJson, knownObjectJson, sensitiveJson, unknownJson } from './values-json.ts';

export interface SynthesizeOptions {
  /** Provider schemas (default: the bundled ones). */
  schemas?: ProviderSchemas;
  /** Provider-side defaults for unset arguments (default: the bundled table). */
  defaults?: ProviderDefaults;
  /** Written as `terraform_version` (default 1.11.4, the version whose plans iacpac reproduces). */
  terraformVersion?: string;
  /** Fixed `timestamp` (default: now). */
  timestamp?: string;
  /**
   * Read a configuration Terraform would reject as far as it goes (the scanner's input, so policies see what a
   * broken configuration writes, as Checkov does): arguments and nested blocks the provider schema does not declare
   * (misspelt or removed names) are kept in the `configuration` expressions, with their references, and in the
   * planned values as written; an argument written `name = { ... }` (or a list of objects) for a nested block type
   * counts as that block; `True` / `False` written Python-style are booleans. A valid configuration has none of
   * these, so its plan is the same either way, except for readings that apply to valid configurations too:
   * `jsonencode` of a partly unknown value, and a template whose text is a JSON document (a policy in a heredoc),
   * keep their structure, with `(known after apply)` for each unknown part; a `dynamic` block whose `for_each` is
   * known only at apply time counts as one block of its content; a resource or module whose count/for_each cannot
   * be decided is planned as one instance without a key; so policies can judge what the configuration writes.
   * `SynthesizeResult.lenientUsed` says whether any of this applied.
   */
  lenient?: boolean;
}

export interface SynthesizeResult {
  plan: PlanJson;
  diagnostics: Diagnostic[];
  /**
   * With `lenient`: whether a lenient reading changed anything. When false, the plan is exactly the one the default
   * (Terraform's) reading gives, so consumers of either can share it.
   */
  lenientUsed?: boolean;
}

export const PLAN_FORMAT_VERSION = '1.2';
export const DEFAULT_TERRAFORM_VERSION = '1.11.4';

/**
 * Synthesises what `terraform show -json <planfile>` prints for a plan of this configuration against an
 * empty state, without providers, credentials or network: every resource instance is created, data
 * sources the provider computes locally are read, other data sources are read during apply.
 * Problems Terraform would report while planning (missing variables, cycles, invalid count/for_each,
 * evaluation errors) are returned as diagnostics with source ranges; the plan is still as complete as
 * possible.
 */
export function synthesizePlan(config: Configuration, options: SynthesizeOptions = {}): SynthesizeResult {
  if (!config || typeof config !== 'object' || !config.root) {
    throw new UsageError(`synthesizePlan: expected a loaded configuration (loadConfiguration(dir) or analyze(dir).configuration); got ${typeof config === 'string' ? `the string ${JSON.stringify(config)}: use plan(dir) for a directory` : typeof config}`);
  }
  const schemas = options.schemas ?? loadBundledSchemas();
  const run: PlanRun = {
    config,
    schemas,
    defaults: options.defaults ?? bundledProviderDefaults(),
    diagnostics: [],
    depth: { current: 0 },
    rootDir: config.root.dir,
    instances: [],
    ...(options.lenient ? { lenient: { used: false } } : {}),
    moduleInstances: 1,
  };
  const root = new ModuleInstance(run, config.root, '', undefined);
  root.planAll();
  const terraformVersion = options.terraformVersion ?? DEFAULT_TERRAFORM_VERSION;

  const plan = {} as PlanJson;
  plan.format_version = PLAN_FORMAT_VERSION;
  plan.terraform_version = terraformVersion;
  const variables: Record<string, { value: JsonValue }> = {};
  for (const variable of config.root.variables) {
    // Terraform records values given on the command line / in tfvars as given; defaults as converted.
    const supplied = config.variableValues[variable.name];
    const value = supplied ? fromJson(supplied.value) : root.variable(variable.name);
    variables[variable.name] = { value: knownJson(value) ?? null };
  }
  if (Object.keys(variables).length > 0) plan.variables = variables;

  const outputs: Record<string, OutputValueJson> = {};
  const knownOutputs: Record<string, OutputValueJson> = {};
  const outputChanges: Record<string, OutputChangeJson> = {};
  for (const output of config.root.outputs) {
    const value = root.output(output.name);
    const sensitive = output.sensitive || value instanceof Sensitive;
    const entry: OutputValueJson = { sensitive };
    const change: OutputChangeJson = {
      actions: ['create'],
      before: null,
      after_unknown: isWhollyKnown(value) ? false : unknownJson(value),
      before_sensitive: sensitive,
      after_sensitive: sensitive ? true : containsSensitive(value) ? sensitiveJson(value) : false,
    };
    if (isWhollyKnown(value)) {
      const json = knownJson(value) ?? null;
      entry.value = json;
      entry.type = typeToJson(typeOf(value)) as JsonValue;
      change.after = json;
      knownOutputs[output.name] = { sensitive, value: json, type: entry.type };
    } else if (!((value instanceof Sensitive ? value.value : value) instanceof Unknown)) change.after = knownJson(value) ?? null;
    outputs[output.name] = entry;
    outputChanges[output.name] = orderOutputChange(change);
  }

  const planned = run.instances.filter((i) => i.action !== 'read-now');
  const readNow = run.instances.filter((i) => i.action === 'read-now');
  plan.planned_values = { ...(Object.keys(outputs).length > 0 ? { outputs } : {}), root_module: moduleValues(root, planned, true) };
  plan.resource_changes = [...planned].sort(compareChanges).map(resourceChange);
  if (Object.keys(outputChanges).length > 0) plan.output_changes = outputChanges;
  if (readNow.length > 0 || Object.keys(knownOutputs).length > 0) {
    // The state refreshed during planning: data sources read and output values known at plan time.
    plan.prior_state = {
      format_version: '1.0',
      terraform_version: terraformVersion,
      values: {
        ...(Object.keys(knownOutputs).length > 0 ? { outputs: knownOutputs } : {}),
        root_module: moduleValues(root, readNow, true),
      },
    };
  }
  plan.configuration = configurationJson(config, schemas, { lenient: run.lenient });
  const relevant = relevantAttributes(root);
  if (relevant.length > 0) plan.relevant_attributes = relevant;
  const checks = planChecks(root, run.diagnostics);
  if (checks) plan.checks = checks;
  plan.timestamp = options.timestamp ?? new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const errored = run.diagnostics.some((d) => d.severity === 'error');
  plan.applyable = !errored && (planned.length > 0 || Object.keys(outputChanges).length > 0);
  plan.complete = true;
  plan.errored = errored;
  return run.lenient ? { plan, diagnostics: run.diagnostics, lenientUsed: run.lenient.used } : { plan, diagnostics: run.diagnostics };
}

function orderOutputChange(change: OutputChangeJson): OutputChangeJson {
  const out = { actions: change.actions, before: change.before } as OutputChangeJson;
  if (change.after !== undefined) out.after = change.after;
  out.after_unknown = change.after_unknown;
  out.before_sensitive = change.before_sensitive;
  out.after_sensitive = change.after_sensitive;
  return out;
}

/** Terraform's order of resource changes: by module instance, data sources before managed resources, then address. */
function compareChanges(a: PlannedInstance, b: PlannedInstance): number {
  // Module instances: shorter paths first, then step by step (name, then key).
  const pa = a.node.owner.steps;
  const pb = b.node.owner.steps;
  if (pa.length !== pb.length) return pa.length - pb.length;
  for (let i = 0; i < pa.length; i++) {
    const c = compareText(pa[i]!.name, pb[i]!.name) || compareKeys(pa[i]!.key, pb[i]!.key);
    if (c !== 0) return c;
  }
  const ra = a.node.resource;
  const rb = b.node.resource;
  if (ra.mode !== rb.mode) return ra.mode === 'data' ? -1 : 1;
  return compareText(ra.type, rb.type) || compareText(ra.name, rb.name) || compareKeys(a.key, b.key);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Instance keys: none first, then numbers ascending, then strings. */
function compareKeys(a: string | number | undefined, b: string | number | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return compareText(a, b);
}

function sortByAddress<T extends { address: string }>(items: T[]): T[] {
  return [...items].sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0));
}

function providerName(instance: PlannedInstance): string {
  return instance.node.providerAddress;
}

function resourceValues(instance: PlannedInstance): ResourceValuesJson {
  const resource = instance.node.resource;
  const out = {
    address: instance.address,
    mode: resource.mode,
    type: resource.type,
    name: resource.name,
  } as ResourceValuesJson;
  if (instance.key !== undefined) out.index = instance.key;
  out.provider_name = providerName(instance);
  out.schema_version = instance.schema?.version ?? 0;
  const { known, sensitive } = valuesJson(instance);
  if (Object.keys(known).length > 0) out.values = known;
  out.sensitive_values = sensitive;
  return out;
}

/**
 * An instance's known values and sensitive marks as JSON, made once: `planned_values` and `resource_changes` (`after`,
 * `after_sensitive`) hold the same objects, as they hold the same values (a plan is never changed once made), which
 * saves a copy of every resource's values (~a third of a plan's memory).
 */
const madeValuesJson = new WeakMap<PlannedInstance, { known: ReturnType<typeof knownObjectJson>; sensitive: JsonValue }>();
function valuesJson(instance: PlannedInstance): { known: ReturnType<typeof knownObjectJson>; sensitive: JsonValue } {
  let made = madeValuesJson.get(instance);
  if (!made) {
    const values = objectOf(instance.value);
    made = { known: knownObjectJson(values), sensitive: sharedMark(instance, sensitiveJson(values)) };
    madeValuesJson.set(instance, made);
  }
  return made;
}

/**
 * Each plan's distinct `after_unknown` and `after_sensitive` marks, by their JSON text. They repeat from resource to
 * resource (true, false, {} and [] by the attributes a resource type has and the configuration writes), and a plan is
 * never changed once made, so instances with equal marks share one object (at 20k resources ~10 MB of a plan).
 */
const planMarks = new WeakMap<PlanRun, Map<string, JsonValue>>();
function sharedMark(instance: PlannedInstance, mark: JsonValue): JsonValue {
  if (mark === null || typeof mark !== 'object') return mark;
  const run = instance.node.owner.run;
  let marks = planMarks.get(run);
  if (!marks) {
    marks = new Map();
    planMarks.set(run, marks);
  }
  const text = JSON.stringify(mark);
  const shared = marks.get(text);
  if (shared !== undefined) return shared;
  marks.set(text, mark);
  return mark;
}

function objectOf(value: TfValue): TfObject {
  const v = value instanceof Sensitive ? value.value : value;
  return v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Unknown) ? (v as TfObject) : {};
}

function resourceChange(instance: PlannedInstance): ResourceChangeJson {
  const resource = instance.node.resource;
  const out = { address: instance.address } as ResourceChangeJson;
  const moduleAddress = instance.node.owner.address;
  if (moduleAddress) out.module_address = moduleAddress;
  out.mode = resource.mode;
  out.type = resource.type;
  out.name = resource.name;
  if (instance.key !== undefined) out.index = instance.key;
  out.provider_name = providerName(instance);
  const values = objectOf(instance.value);
  const { known, sensitive } = valuesJson(instance);
  out.change = {
    actions: [instance.action === 'create' ? 'create' : 'read'],
    before: null,
    after: known,
    after_unknown: sharedMark(instance, unknownJson(values)),
    before_sensitive: false,
    after_sensitive: sensitive,
  };
  if (instance.actionReason) out.action_reason = instance.actionReason;
  return out;
}

/** `planned_values`/`prior_state` module tree: resources of this instance, then child modules by address. */
function moduleValues(instance: ModuleInstance, included: PlannedInstance[], root: boolean): ModuleValuesJson {
  const out: ModuleValuesJson = {};
  const mine = sortByAddress(included.filter((i) => i.node.owner === instance));
  if (mine.length > 0) out.resources = mine.map(resourceValues);
  if (!root) out.address = instance.address;
  const children = sortByAddress(instance.childInstances())
    .map((child) => moduleValues(child, included, false))
    .filter((m) => m.resources || m.child_modules);
  if (children.length > 0) out.child_modules = children;
  if (!root) {
    const ordered: ModuleValuesJson = {};
    if (out.resources) ordered.resources = out.resources;
    ordered.address = instance.address;
    if (out.child_modules) ordered.child_modules = out.child_modules;
    return ordered;
  }
  return out;
}

/** Resource attributes the configuration refers to (`relevant_attributes`), first occurrence order. */
function relevantAttributes(root: ModuleInstance): Array<{ resource: string; attribute: Array<string | number> }> {
  const out: Array<{ resource: string; attribute: Array<string | number> }> = [];
  const seen = new Set<string>();
  const noNames: ReadonlySet<string> = new Set();
  // Terraform lists a reference under the module instance and, for expanded modules, under the module path
  // without instance keys too.
  const prefixes = new Map<ModuleInstance, string[]>();
  const prefixesOf = (instance: ModuleInstance): string[] => {
    let made = prefixes.get(instance);
    if (!made) {
      made = [...new Set([instance.prefix, modulePrefix(instance.steps.map((step) => step.name))])];
      prefixes.set(instance, made);
    }
    return made;
  };
  const visit = (instance: ModuleInstance, expr: Expression, bound: ReadonlySet<string> = noNames) => {
    for (const ref of parsedReferences(expr, bound)) {
      if ((ref.kind !== 'resource' && ref.kind !== 'data') || ref.remaining.length === 0) continue;
      const attribute = ref.remaining.map((s) => (s.kind === 'attr' ? s.name : typeof s.key === 'boolean' ? String(s.key) : s.key));
      for (const prefix of prefixesOf(instance)) {
        const entry = { resource: prefix + ref.subject, attribute };
        const key = JSON.stringify(entry);
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(entry);
      }
    }
  };
  const walkBody = (instance: ModuleInstance, body: Body, depth: number, bound: ReadonlySet<string>) => {
    for (const attribute of body.attributes) visit(instance, attribute.expr, bound);
    if (depth > 32) return;
    for (const block of body.blocks) {
      if (block.type !== 'dynamic') {
        walkBody(instance, block.body, depth + 1, bound);
        continue;
      }
      const iterator = block.body.attributes.find((a) => a.name === 'iterator')?.expr;
      const name = iterator?.kind === 'traversal' ? iterator.root : (block.labels[0] ?? '');
      walkBody(instance, block.body, depth + 1, new Set([...bound, name]));
    }
  };
  const walk = (instance: ModuleInstance, depth: number) => {
    for (const resource of instance.module.resources) {
      // Data sources read while planning are not changes; what they refer to is not relevant.
      const node = instance.resources.get(resource.address);
      if (node && node.instances.length > 0 && node.instances.every((i) => i.action === 'read-now')) continue;
      walkBody(instance, resource.config, 0, noNames);
    }
    for (const output of instance.module.outputs) if (output.value) visit(instance, output.value);
    for (const call of instance.module.moduleCalls) for (const input of call.inputs) visit(instance, input.expr);
    if (depth > 32) return;
    for (const child of instance.childInstances()) walk(child, depth + 1);
  };
  walk(root, 0);
  return out;
}

export type { JsonObject };
