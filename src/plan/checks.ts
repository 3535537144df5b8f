import type { Diagnostic } from '../core/diagnostics.ts';
import type { Block } from '../hcl/ast.ts';
import { Sensitive, Unknown, type TfValue } from '../terraform/eval/value.ts';
import type { InstanceBindings, ModuleInstance, ResourceNode } from './module-instance.ts';
import type { JsonValue } from './plan-json.ts';

type Status = 'pass' | 'fail' | 'unknown' | 'error';

export interface CheckJson {
  address: Record<string, JsonValue>;
  status: Status;
  instances?: Array<{ address: Record<string, JsonValue>; status: Status }>;
}

/**
 * The plan's `checks`: every checkable object (variables with `validation`, resources with lifecycle
 * `precondition`/`postcondition`, outputs with `precondition`, `check` blocks) with the status of its
 * conditions evaluated at plan time: pass, fail, or unknown when a condition depends on unknown values.
 * Failing conditions are also errors with Terraform's summaries and the condition's error_message.
 */
export function planChecks(root: ModuleInstance, diagnostics: Diagnostic[]): CheckJson[] | undefined {
  const out: CheckJson[] = [];
  const visit = (instance: ModuleInstance, depth: number) => {
    const module: Record<string, JsonValue> = instance.steps.length > 0 ? { module: instance.address } : {};
    for (const variable of instance.module.variables) {
      if (variable.validations.length === 0) continue;
      const display = `${instance.prefix}var.${variable.name}`;
      const status = conditions(instance, variable.validations, {}, 'Invalid value for variable', diagnostics);
      out.push(entry({ kind: 'var', name: variable.name, to_display: display, ...module }, [{ display, status }]));
    }
    for (const node of instance.resources.values()) {
      const lifecycle = node.resource.lifecycle?.body.blocks ?? [];
      const pre = lifecycle.filter((b) => b.type === 'precondition');
      const post = lifecycle.filter((b) => b.type === 'postcondition');
      if (pre.length + post.length === 0) continue;
      const r = node.resource;
      const instances = node.instances.map((planned) => {
        const bindings = instanceBindings(node, planned.key);
        const a = conditions(instance, pre, bindings, 'Resource precondition failed', diagnostics);
        const b = conditions(instance, post, { ...bindings, self: planned.value }, 'Resource postcondition failed', diagnostics);
        const display = planned.address;
        return { display, status: worst(a, b), key: planned.key };
      });
      out.push(entry({ kind: 'resource', mode: r.mode, name: r.name, to_display: node.address, type: r.type, ...module }, instances));
    }
    for (const output of instance.module.outputs) {
      const pre = output.block.body.blocks.filter((b) => b.type === 'precondition');
      if (pre.length === 0) continue;
      const display = `${instance.prefix}output.${output.name}`;
      const status = conditions(instance, pre, {}, 'Module output value precondition failed', diagnostics);
      out.push(entry({ kind: 'output_value', name: output.name, to_display: display, ...module }, [{ display, status }]));
    }
    for (const check of instance.module.otherBlocks.filter((b) => b.type === 'check')) {
      const name = check.labels[0] ?? '';
      const display = `${instance.prefix}check.${name}`;
      const asserts = check.body.blocks.filter((b) => b.type === 'assert');
      // A failing check block is a warning in Terraform, not an error.
      const status = conditions(instance, asserts, {}, 'Check block assertion failed', diagnostics, 'warning');
      out.push(entry({ kind: 'check', name, to_display: display, ...module }, [{ display, status }]));
    }
    if (depth > 32) return;
    for (const child of instance.childInstances()) visit(child, depth + 1);
  };
  visit(root, 0);
  if (out.length === 0) return undefined;
  return out.sort((a, b) => compare(String(a.address.to_display), String(b.address.to_display)));
}

function entry(address: Record<string, JsonValue>, instances: Array<{ display: string; status: Status; key?: string | number | undefined }>): CheckJson {
  const status = instances.reduce<Status>((s, i) => worst(s, i.status), 'pass');
  return {
    address,
    status: instances.length === 0 ? 'unknown' : status,
    instances: instances.map((i) => {
      const address: Record<string, JsonValue> = { to_display: i.display };
      if (i.key !== undefined) address.instance_key = i.key;
      return { address, status: i.status };
    }),
  };
}

function instanceBindings(node: ResourceNode, key: string | number | undefined): InstanceBindings {
  const bindings: InstanceBindings = {};
  if (node.expansion.kind === 'count' && typeof key === 'number') bindings.countIndex = key;
  if (node.expansion.kind === 'for_each' && typeof key === 'string') {
    const found = node.expansion.entries.find(([k]) => k === key);
    if (found) bindings.each = { key, value: found[1] };
  }
  return bindings;
}

function conditions(
  instance: ModuleInstance,
  blocks: Block[],
  bindings: InstanceBindings,
  summary: string,
  diagnostics: Diagnostic[],
  severity: 'error' | 'warning' = 'error',
): Status {
  let status: Status = 'pass';
  for (const block of blocks) {
    const condition = block.body.attributes.find((a) => a.name === 'condition');
    if (!condition) continue;
    const errorsBefore = diagnostics.length;
    let value: TfValue = instance.evaluate(condition.expr, bindings);
    if (value instanceof Sensitive) value = value.value;
    if (diagnostics.length > errorsBefore) {
      status = worst(status, 'error');
      continue;
    }
    if (value instanceof Unknown || value === null) {
      status = worst(status, 'unknown');
      continue;
    }
    if (value === false || value === 'false') {
      status = worst(status, 'fail');
      const message = block.body.attributes.find((a) => a.name === 'error_message');
      const text = message ? instance.evaluate(message.expr, bindings) : '';
      const range = condition.range;
      diagnostics.push({
        severity,
        summary,
        detail: `${typeof text === 'string' ? text : 'The condition is false.'}\n\nThis was checked by the ${block.type} rule at ${range.filename}:${range.start.line}.`,
        range: block.defRange,
        source: 'plan',
        code: `${block.type}-failed`,
      });
    }
  }
  return status;
}

const RANK: Record<Status, number> = { pass: 0, unknown: 1, fail: 2, error: 3 };

function worst(a: Status, b: Status): Status {
  return RANK[a] >= RANK[b] ? a : b;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

