import { relative, sep } from 'node:path';
import type { Diagnostic } from '../core/diagnostics.ts';
import type { SourceRange } from '../core/source-range.ts';
import type { Expression, TraversalStep } from '../hcl/ast.ts';
import type { ProviderSchemas } from '../schema/index.ts';
import { requiredProvidersOf, resolveResourceProvider } from '../schema/index.ts';
import type { Configuration, ModuleCall, Resource, TerraformModule } from '../terraform/model.ts';
import type { EvalContext, LenientReading, ResolvedReference } from '../terraform/eval/context.ts';
import { evaluateExpression } from '../terraform/eval/evaluate.ts';
import { fromJson, markSensitive, Unknown, UNKNOWN, type TfObject, type TfValue } from '../terraform/eval/value.ts';
import { countExpansion, forEachExpansion, instanceKeys, type Expansion } from './expansion.ts';
import type { ProviderDefaults } from './provider-defaults.ts';
import { keyText } from './references.ts';
import { planResourceInstance, type PlannedInstance } from './resource-instance.ts';
import { applyTypeConstraint, typeConstraintFromExpr, type TypeConstraint } from '../terraform/eval/type-constraint.ts';
import { appendAll } from '../core/arrays.ts';
import { LimitError, limitValue } from '../core/limits.ts';
import { formatRange } from '../core/source-range.ts';

/** Shared state of one synthesis run. */
export interface PlanRun {
  config: Configuration;
  schemas: ProviderSchemas | undefined;
  defaults: ProviderDefaults;
  diagnostics: Diagnostic[];
  depth: { current: number };
  rootDir: string;
  /** Every planned resource instance, in planning order. */
  instances: PlannedInstance[];
  /** Read configuration Terraform would reject as far as it goes (SynthesizeOptions.lenient). */
  lenient?: LenientReading;
  /** Module instances expanded so far (the root included), against `limitValue('moduleInstances')`. */
  moduleInstances: number;
}

/**
 * Stops a plan that would grow past one of the bounds of core/limits.ts (the same for `plan`, `scan` and `check`,
 * which all synthesise through here): nested modules with `count = 2` double at every level.
 */
function checkGrowth(run: PlanRun, what: 'moduleInstances' | 'resourceInstances', adding: number, where: SourceRange, subject: string): void {
  const current = what === 'moduleInstances' ? run.moduleInstances : run.instances.length;
  const max = limitValue(what);
  if (current + adding > max) {
    throw new LimitError(formatRange(where), `${subject} would make ${(current + adding).toLocaleString('en-US')} ${what === 'moduleInstances' ? 'module' : 'resource'} instances in this plan`, what, { value: max });
  }
}

function diagnostic(summary: string, detail: string, range: SourceRange | undefined, code: string): Diagnostic {
  const d: Diagnostic = { severity: 'error', summary, detail, source: 'plan', code };
  if (range) d.range = range;
  return d;
}

/** Per-evaluation bindings: `count.index`, `each.key`/`each.value`, the resource being planned. */
export interface InstanceBindings {
  countIndex?: TfValue;
  each?: { key: TfValue; value: TfValue };
  /** The resource whose configuration is being evaluated (to report self-references). */
  resource?: ResourceNode;
  /** `self` in postconditions: the planned instance. */
  self?: TfValue;
}

/** One resource block in one module instance: expands and plans its instances on first use. */
export class ResourceNode {
  state: 'new' | 'planning' | 'done' = 'new';
  expansion: Expansion = { kind: 'single' };
  instances: PlannedInstance[] = [];
  value: TfValue = UNKNOWN;
  providerAddress: string;

  constructor(
    readonly owner: ModuleInstance,
    readonly resource: Resource,
  ) {
    this.providerAddress = resolveResourceProvider(resource, owner.requiredProviders).address;
  }

  get address(): string {
    return this.owner.prefix + this.resource.address;
  }

  plan(): void {
    if (this.state !== 'new') return;
    this.state = 'planning';
    const run = this.owner.run;
    const resource = this.resource;
    const expansion = this.owner.expand(resource.count, resource.forEach, { resource: this });
    this.expansion = expansion ?? { kind: 'single' };
    if (!expansion && !run.lenient) {
      this.value = UNKNOWN;
      this.state = 'done';
      return;
    }
    // Lenient reading (the scan input): instances that cannot be counted are planned as one instance without a key,
    // with count.index / each unknown, as Checkov reads the block.
    if (!expansion && run.lenient) run.lenient.used = true;
    const keys = expansion ? instanceKeys(expansion) : [undefined];
    checkGrowth(run, 'resourceInstances', keys.length, resource.block.defRange, `expanding ${resource.address}`);
    for (const [i, key] of keys.entries()) {
      const bindings: InstanceBindings = { resource: this };
      if (!expansion) unknownBindings(bindings, resource.count !== undefined);
      if (expansion?.kind === 'count') bindings.countIndex = i;
      if (expansion?.kind === 'for_each') bindings.each = { key: key as string, value: expansion.entries[i]![1] };
      const address = this.address + (key === undefined ? '' : `[${keyText(key)}]`);
      const planned = planResourceInstance({
        run,
        node: this,
        address,
        key,
        evaluate: this.owner.evaluator(bindings),
      });
      this.instances.push(planned);
      run.instances.push(planned);
    }
    // What references see of instances that could not be counted stays unknown (the number of instances is unknown).
    if (!expansion) this.value = UNKNOWN;
    else if (expansion.kind === 'single') this.value = this.instances[0]?.value ?? UNKNOWN;
    else if (expansion.kind === 'count') this.value = this.instances.map((i) => i.value);
    else {
      const map: TfObject = {};
      this.instances.forEach((instance) => {
        map[String(instance.key)] = instance.value;
      });
      this.value = map;
    }
    this.state = 'done';
  }
}

/** count.index or each.key/each.value of an instance whose count/for_each could not be decided: unknown. */
function unknownBindings(bindings: InstanceBindings, counted: boolean): void {
  if (counted) bindings.countIndex = UNKNOWN;
  else bindings.each = { key: UNKNOWN, value: UNKNOWN };
}

/** One `module` block in one module instance: its child instances. */
export class ModuleCallNode {
  state: 'new' | 'expanding' | 'done' = 'new';
  children: ModuleInstance[] = [];
  expansion: Expansion = { kind: 'single' };
  /** False when count/for_each could not be decided (lenient reading plans one instance; its value stays unknown). */
  counted = true;

  constructor(
    readonly owner: ModuleInstance,
    readonly call: ModuleCall,
  ) {}

  expand(): void {
    if (this.state !== 'new') return;
    this.state = 'expanding';
    const child = this.call.module;
    const expansion = this.owner.expand(this.call.count, this.call.forEach, {});
    this.expansion = expansion ?? { kind: 'single' };
    const lenient = this.owner.run.lenient;
    if (child && !expansion && lenient) lenient.used = true;
    this.counted = expansion !== undefined;
    if (child && (expansion || lenient)) {
      const keys = expansion ? instanceKeys(expansion) : [undefined];
      const run = this.owner.run;
      const where = this.call.block.defRange;
      const depth = this.owner.steps.length + 1;
      const maxDepth = limitValue('moduleDepth');
      if (depth > maxDepth) {
        throw new LimitError(formatRange(where), `module.${this.call.name} is nested ${depth} module instances deep in this plan`, 'moduleDepth', { value: maxDepth });
      }
      checkGrowth(run, 'moduleInstances', keys.length, where, `expanding module.${this.call.name}`);
      run.moduleInstances += keys.length;
      for (const [i, key] of keys.entries()) {
        const bindings: InstanceBindings = {};
        if (!expansion) unknownBindings(bindings, this.call.count !== undefined);
        if (expansion?.kind === 'count') bindings.countIndex = i;
        if (expansion?.kind === 'for_each') bindings.each = { key: key as string, value: expansion.entries[i]![1] };
        const address = `${this.owner.prefix}module.${this.call.name}${key === undefined ? '' : `[${keyText(key)}]`}`;
        this.children.push(new ModuleInstance(this.owner.run, child, address, key, { call: this.call, parent: this.owner, bindings }));
      }
    }
    this.state = 'done';
  }

  /** The value of `module.name`: an object of outputs (a list/map of them for count/for_each). */
  value(): TfValue {
    this.expand();
    if (!this.call.module || !this.counted) return UNKNOWN;
    const objects = this.children.map((c) => c.outputsObject());
    if (this.expansion.kind === 'single') return objects[0] ?? UNKNOWN;
    if (this.expansion.kind === 'count') return objects;
    const map: TfObject = {};
    this.children.forEach((c, i) => {
      map[String(c.key)] = objects[i]!;
    });
    return map;
  }
}

interface CallContext {
  call: ModuleCall;
  parent: ModuleInstance;
  bindings: InstanceBindings;
}

/** A module instance: lazily evaluated variables, locals, resources, module calls and outputs. */
export class ModuleInstance {
  readonly requiredProviders: Map<string, string>;
  readonly resources = new Map<string, ResourceNode>();
  readonly calls = new Map<string, ModuleCallNode>();
  private readonly variableValues = new Map<string, TfValue>();
  private readonly localValues = new Map<string, TfValue>();
  private readonly localsInProgress: string[] = [];
  private readonly outputValues = new Map<string, TfValue>();
  private readonly outputsInProgress = new Set<string>();
  /** `module.x.` for child instances, '' for the root. */
  readonly prefix: string;
  /** The module instance path: call names and instance keys from the root. */
  readonly steps: Array<{ name: string; key: string | number | undefined }>;

  constructor(
    readonly run: PlanRun,
    readonly module: TerraformModule,
    /** '' for root, `module.a`, `module.a[0]`, `module.a.module.b`. */
    readonly address: string,
    readonly key: string | number | undefined,
    readonly callContext?: CallContext,
  ) {
    this.prefix = address ? `${address}.` : '';
    this.steps = callContext ? [...callContext.parent.steps, { name: callContext.call.name, key }] : [];
    this.requiredProviders = requiredProvidersOf(module);
    for (const resource of module.resources) this.resources.set(resource.address, new ResourceNode(this, resource));
    for (const call of module.moduleCalls) this.calls.set(call.name, new ModuleCallNode(this, call));
  }

  /** Plans everything in this instance and its children. */
  planAll(): void {
    for (const node of this.resources.values()) node.plan();
    for (const call of this.calls.values()) {
      call.expand();
      for (const child of call.children) child.planAll();
    }
    for (const output of this.module.outputs) this.output(output.name);
  }

  evaluate(expr: Expression, bindings: InstanceBindings, extra?: ReadonlyMap<string, TfValue>): TfValue {
    return this.evaluator(bindings)(expr, extra);
  }

  /** Evaluates expressions with one instance's bindings (the evaluation context is made once for all of them). */
  evaluator(bindings: InstanceBindings): (expr: Expression, extra?: ReadonlyMap<string, TfValue>) => TfValue {
    const ctx: EvalContext = {
      resolver: { resolve: (root, steps, range) => this.resolve(root, steps, range, bindings) },
      baseDir: this.module.dir,
      rootDir: this.run.rootDir,
      cwd: this.run.rootDir,
      depth: this.run.depth,
    };
    if (this.run.lenient) ctx.lenient = this.run.lenient;
    return (expr, extra) => evaluateExpression(expr, extra && extra.size > 0 ? { ...ctx, variables: Object.fromEntries(extra) } : ctx, this.run.diagnostics);
  }

  /** count/for_each of a resource or module call; undefined (with an error recorded) when invalid. */
  expand(count: Expression | undefined, forEach: Expression | undefined, bindings: InstanceBindings): Expansion | undefined {
    if (!count && !forEach) return { kind: 'single' };
    let result: Expansion | Diagnostic;
    // Diagnostics are only appended (an evaluation takes back only what it added itself): the errors of this
    // evaluation are those after this point.
    const before = this.run.diagnostics.length;
    if (count) result = countExpansion(this.evaluate(count, bindings), count);
    else result = forEachExpansion(this.evaluate(forEach!, bindings), forEach!, this.run.lenient);
    if ('severity' in result) {
      // An unknown value caused by an error already reported is not a second problem.
      if (!this.run.diagnostics.slice(before).some((d) => d.severity === 'error')) this.run.diagnostics.push(result);
      return undefined;
    }
    return result;
  }

  resolve(root: string, steps: readonly TraversalStep[], range: SourceRange, bindings: InstanceBindings): ResolvedReference | undefined {
    // Lenient reading (the scan input): `True` / `False` written Python-style are the booleans, as Checkov reads them;
    // Terraform rejects them as references to nothing.
    if (this.run.lenient && steps.length === 0 && /^(true|false)$/i.test(root)) {
      this.run.lenient.used = true;
      return { value: root.toLowerCase() === 'true', consumed: 0 };
    }
    const first = steps[0];
    const name = first?.kind === 'attr' ? first.name : undefined;
    switch (root) {
      case 'var':
        if (name === undefined) return undefined;
        return this.variableRef(name, range);
      case 'local':
        if (name === undefined) return undefined;
        return this.localRef(name, range);
      case 'count':
        if (name !== 'index') return { diagnostic: diagnostic('Invalid "count" attribute', `The "count" object does not have an attribute named "${name ?? ''}". The only supported attribute is count.index, which is the index of each instance of a resource block that has the "count" argument set.`, range, 'invalid-count-attribute') };
        if (bindings.countIndex === undefined) return { diagnostic: diagnostic('Reference to "count" in non-counted context', 'The "count" object can only be used in "module", "resource", and "data" blocks, and only when the "count" argument is set.', range, 'count-outside-count') };
        return { value: bindings.countIndex, consumed: 1 };
      case 'each':
        if (!bindings.each) return { diagnostic: diagnostic('Reference to "each" in context without for_each', 'The "each" object can be used only in "module" or "resource" blocks, and only when the "for_each" argument is set.', range, 'each-outside-for-each') };
        if (name === 'key') return { value: bindings.each.key, consumed: 1 };
        if (name === 'value') return { value: bindings.each.value, consumed: 1 };
        return { diagnostic: diagnostic('Invalid "each" attribute', `The "each" object does not have an attribute named "${name ?? ''}". The supported attributes are each.key and each.value, the current key and value pair of the "for_each" attribute set.`, range, 'invalid-each-attribute') };
      case 'path':
        // As Terraform: module and root paths relative to the working directory (the root module), cwd absolute.
        if (name === 'module') return { value: relative(this.run.rootDir, this.module.dir).split(sep).join('/') || '.', consumed: 1 };
        if (name === 'root') return { value: '.', consumed: 1 };
        if (name === 'cwd') return { value: this.run.rootDir, consumed: 1 };
        return undefined;
      case 'terraform':
        if (name === 'workspace') return { value: 'default', consumed: 1 };
        return undefined;
      case 'self':
        return { value: bindings.self ?? UNKNOWN, consumed: 0 };
      case 'module': {
        if (name === undefined) return undefined;
        const call = this.calls.get(name);
        if (!call) return { diagnostic: diagnostic('Reference to undeclared module', `No module call named "${name}" is declared in ${this.address || 'the root module'}.`, range, 'undeclared-module') };
        return { value: call.value(), consumed: 1 };
      }
      case 'data': {
        const second = steps[1];
        const dataName = second?.kind === 'attr' ? second.name : undefined;
        if (name === undefined || dataName === undefined) return undefined;
        return this.resourceRef(`data.${name}.${dataName}`, 2, range, bindings);
      }
      default:
        if (name === undefined) return undefined;
        return this.resourceRef(`${root}.${name}`, 1, range, bindings);
    }
  }

  private resourceRef(address: string, consumed: number, range: SourceRange, bindings: InstanceBindings): ResolvedReference {
    const node = this.resources.get(address);
    if (!node) {
      const mode = address.startsWith('data.') ? 'data resource' : 'resource';
      return {
        diagnostic: diagnostic(
          `Reference to undeclared ${mode}`,
          `A ${mode} "${address.replace(/^data\./, '').replace('.', '" "')}" has not been declared in ${this.address || 'the root module'}.`,
          range,
          'undeclared-resource',
        ),
      };
    }
    if (node.state === 'planning') {
      if (bindings.resource === node) {
        return { diagnostic: diagnostic('Self-referential block', `Configuration for ${node.address} may not refer to itself.`, range, 'self-reference') };
      }
      const chain = bindings.resource ? `${bindings.resource.address}, ${node.address}` : node.address;
      return { diagnostic: diagnostic(`Cycle: ${chain}`, 'The configuration has a dependency cycle between these objects; Terraform cannot decide which to plan first.', range, 'cycle') };
    }
    node.plan();
    return { value: node.value, consumed };
  }

  private variableRef(name: string, range: SourceRange): ResolvedReference {
    const cached = this.variableValues.get(name);
    if (cached !== undefined) return { value: cached, consumed: 1 };
    const variable = this.module.variables.find((v) => v.name === name);
    if (!variable) {
      return { diagnostic: diagnostic('Reference to undeclared input variable', `An input variable with the name "${name}" has not been declared. This variable can be declared with a variable "${name}" {} block.`, range, 'undeclared-variable') };
    }
    const value = this.variable(name);
    return { value, consumed: 1 };
  }

  /** A variable's value: given (tfvars/--var at the root, the module argument in a child), else its default. */
  variable(name: string): TfValue {
    const cached = this.variableValues.get(name);
    if (cached !== undefined) return cached;
    const variable = this.module.variables.find((v) => v.name === name);
    if (!variable) return UNKNOWN;
    this.variableValues.set(name, UNKNOWN); // guards against a default that refers to itself
    const parsed = variable.type ? typeConstraintFromExpr(variable.type) : undefined;
    const constraint = parsed && 'type' in parsed ? parsed : undefined;
    let value: TfValue | undefined;
    let given = false;
    if (this.callContext) {
      const input = this.callContext.call.inputs.find((a) => a.name === name);
      if (input) {
        value = this.callContext.parent.evaluate(input.expr, this.callContext.bindings);
        given = true;
      }
    } else {
      const supplied = this.run.config.variableValues[name];
      if (supplied) {
        value = fromJson(supplied.value);
        given = true;
      }
    }
    if (value === null && given && !variable.nullable) given = false;
    if (!given) {
      if (variable.default) value = this.evaluate(variable.default, {});
      else {
        this.run.diagnostics.push(
          this.callContext
            ? diagnostic('Missing required argument', `The argument "${name}" is required, but no definition was found.`, this.callContext.call.block.defRange, 'missing-variable')
            : diagnostic(
                'No value for required variable',
                `The root module input variable "${name}" is not set, and has no default value. Use a -var or -var-file command line argument to provide a value for this variable.`,
                variable.block.defRange,
                'missing-variable',
              ),
        );
        value = UNKNOWN;
      }
    }
    value = this.typed(value ?? null, constraint, variable.block.defRange, name);
    if (variable.sensitive) value = markSensitive(value);
    this.variableValues.set(name, value);
    return value;
  }

  private typed(value: TfValue, constraint: TypeConstraint | undefined, range: SourceRange, name: string): TfValue {
    if (!constraint || value instanceof Unknown) return value;
    const converted = applyTypeConstraint(value, constraint);
    if (converted.ok) return converted.value;
    this.run.diagnostics.push(
      diagnostic('Invalid value for input variable', `The given value is not suitable for var.${name} declared at ${range.filename}:${range.start.line},${range.start.column}: ${converted.error}.`, range, 'invalid-variable-value'),
    );
    return UNKNOWN;
  }

  private localRef(name: string, range: SourceRange): ResolvedReference {
    if (this.localValues.has(name)) return { value: this.localValues.get(name)!, consumed: 1 };
    const local = this.module.locals.find((l) => l.name === name);
    if (!local) {
      return { diagnostic: diagnostic('Reference to undeclared local value', `A local value with the name "${name}" has not been declared.`, range, 'undeclared-local') };
    }
    if (this.localsInProgress.includes(name)) {
      const cycle = [...this.localsInProgress.slice(this.localsInProgress.indexOf(name)), name].map((n) => `local.${n}`);
      return { diagnostic: diagnostic(`Cycle: ${cycle.slice(0, -1).join(', ')}`, `The local values ${cycle.join(' -> ')} refer to each other, so none of them can be evaluated.`, local.attribute.range, 'local-cycle') };
    }
    this.localsInProgress.push(name);
    try {
      const value = this.evaluate(local.attribute.expr, {});
      this.localValues.set(name, value);
      return { value, consumed: 1 };
    } finally {
      this.localsInProgress.pop();
    }
  }

  /** An output's value (evaluated once). */
  output(name: string): TfValue {
    if (this.outputValues.has(name)) return this.outputValues.get(name)!;
    const output = this.module.outputs.find((o) => o.name === name);
    if (!output?.value || this.outputsInProgress.has(name)) return UNKNOWN;
    this.outputsInProgress.add(name);
    let value = this.evaluate(output.value, {});
    if (output.sensitive) value = markSensitive(value);
    this.outputsInProgress.delete(name);
    this.outputValues.set(name, value);
    return value;
  }

  outputsObject(): TfObject {
    const out: TfObject = {};
    for (const output of this.module.outputs) out[output.name] = this.output(output.name);
    return out;
  }

  /** Child module instances, in address order. */
  childInstances(): ModuleInstance[] {
    const out: ModuleInstance[] = [];
    for (const call of this.calls.values()) appendAll(out, call.children);
    return out;
  }
}
