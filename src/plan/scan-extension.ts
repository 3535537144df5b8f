import type { Body, Expression } from '../hcl/ast.ts';
import type { Configuration, ModuleCall, Resource, TerraformModule } from '../terraform/model.ts';
import { marshalBody } from './expression-json.ts';
import type { ExpressionsJson } from './plan-json.ts';
import { parsedReferences } from './references.ts';

/**
 * What the scanner adds beside the standard plan JSON, under the top-level key `iacpac`, for configuration that
 * `terraform show -json` leaves out. The standard keys are not touched, so policies written for plain plans keep
 * working, and a plan JSON file from Terraform simply has no `iacpac` key. Resources are named by their
 * configuration address with the module path and without instance keys (`aws_acm_certificate.cert`,
 * `module.api.aws_api_gateway_rest_api.this`, `data.aws_iam_policy_document.p`).
 *
 * - `lifecycle`: each resource's `lifecycle` block, in the shape of the plan's configuration expressions
 *   (`{"create_before_destroy": {"constant_value": true}}`). Resources without a lifecycle block are absent.
 * - `connections`: the resources each resource's configuration reaches indirectly, which the plan's
 *   `references` (direct references only) do not show: through local values, through a child module's input
 *   variables (the argument of the module call) and through module outputs (the output's expression); and an
 *   `aws_s3_bucket` whose `bucket` argument comes from the same variable or local value as another resource's
 *   `bucket` argument is connected to that resource (the bucket named by a shared name). Resources without such
 *   connections are absent.
 */
export interface ScanExtension {
  format_version: '1.0';
  lifecycle: Record<string, ExpressionsJson>;
  connections: Record<string, string[]>;
}

export const SCAN_EXTENSION_KEY = 'iacpac';

/** One module of the configuration with its address prefix and the call that instantiates it. */
interface ModuleScope {
  module: TerraformModule;
  /** '' for the root, `module.a.` for module.a, `module.a.module.b.` ... */
  prefix: string;
  parent?: { scope: ModuleScope; call: ModuleCall };
}

const MAX_MODULE_DEPTH = 32;

/** The `iacpac` extension of the scan input for a loaded configuration. */
export function scanExtension(config: Configuration): ScanExtension {
  const lifecycle: Record<string, ExpressionsJson> = {};
  const connections: Record<string, string[]> = {};
  for (const scope of moduleScopes(config)) {
    for (const resource of scope.module.resources) {
      const address = scope.prefix + resource.address;
      if (resource.lifecycle) lifecycle[address] = marshalBody(resource.lifecycle.body, undefined);
      const reached = new Set<string>();
      const seen = new Set<string>();
      for (const expr of bodyExpressions(resource.config, 0)) follow(expr, scope, reached, seen, true, 0);
      reached.delete(address);
      if (reached.size > 0) connections[address] = [...reached].sort();
    }
    for (const [bucket, others] of sharedBucketNames(scope)) {
      connections[bucket] = [...new Set([...(connections[bucket] ?? []), ...others])].sort();
    }
  }
  return { format_version: '1.0', lifecycle, connections };
}

function moduleScopes(config: Configuration): ModuleScope[] {
  const out: ModuleScope[] = [];
  const visit = (scope: ModuleScope, depth: number): void => {
    out.push(scope);
    if (depth >= MAX_MODULE_DEPTH) return;
    for (const call of scope.module.moduleCalls) {
      if (call.module) visit({ module: call.module, prefix: `${scope.prefix}module.${call.name}.`, parent: { scope, call } }, depth + 1);
    }
  };
  visit({ module: config.root, prefix: '' }, 0);
  return out;
}

/** Every argument expression of a body and its nested blocks (dynamic blocks included). */
function bodyExpressions(body: Body, depth: number): Expression[] {
  const out = body.attributes.map((a) => a.expr);
  if (depth < 64) for (const block of body.blocks) out.push(...bodyExpressions(block.body, depth + 1));
  return out;
}

/**
 * Adds to `reached` the resources `expr` refers to through locals, module input variables and module outputs.
 * Resources it names directly are added only when `direct` is false (they are already in the plan's references).
 */
function follow(expr: Expression, scope: ModuleScope, reached: Set<string>, seen: Set<string>, direct: boolean, depth: number): void {
  if (depth > 64) return;
  for (const ref of parsedReferences(expr)) {
    switch (ref.kind) {
      case 'resource':
      case 'data':
        if (!direct) reached.add(`${scope.prefix}${ref.kind === 'data' ? 'data.' : ''}${ref.type}.${ref.name}`);
        break;
      case 'local': {
        const key = `${scope.prefix}local.${ref.name}`;
        const local = scope.module.locals.find((l) => l.name === ref.name);
        if (!local || seen.has(key)) break;
        seen.add(key);
        follow(local.attribute.expr, scope, reached, seen, false, depth + 1);
        break;
      }
      case 'var': {
        const key = `${scope.prefix}var.${ref.name}`;
        const input = scope.parent?.call.inputs.find((i) => i.name === ref.name);
        if (!input || !scope.parent || seen.has(key)) break;
        seen.add(key);
        follow(input.expr, scope.parent.scope, reached, seen, false, depth + 1);
        break;
      }
      case 'module-output': {
        const call = scope.module.moduleCalls.find((c) => c.name === ref.name);
        const output = call?.module?.outputs.find((o) => o.name === ref.output);
        const key = `${scope.prefix}module.${ref.name}.${ref.output ?? ''}`;
        if (!call?.module || !output?.value || seen.has(key)) break;
        seen.add(key);
        const child: ModuleScope = { module: call.module, prefix: `${scope.prefix}module.${call.name}.`, parent: { scope, call } };
        follow(output.value, child, reached, seen, false, depth + 1);
        break;
      }
      default:
        break;
    }
  }
}

/** aws_s3_bucket address -> other resources whose `bucket` argument uses the same variable or local value. */
function sharedBucketNames(scope: ModuleScope): Map<string, string[]> {
  const byName = new Map<string, Resource[]>();
  for (const resource of scope.module.resources) {
    const bucket = resource.config.attributes.find((a) => a.name === 'bucket');
    if (!bucket) continue;
    for (const ref of parsedReferences(bucket.expr)) {
      if (ref.kind !== 'var' && ref.kind !== 'local') continue;
      const list = byName.get(ref.subject) ?? [];
      byName.set(ref.subject, list);
      list.push(resource);
    }
  }
  const out = new Map<string, string[]>();
  for (const resources of byName.values()) {
    for (const bucket of resources.filter((r) => r.mode === 'managed' && r.type === 'aws_s3_bucket')) {
      const others = resources.filter((r) => r !== bucket).map((r) => scope.prefix + r.address);
      if (others.length > 0) out.set(scope.prefix + bucket.address, [...(out.get(scope.prefix + bucket.address) ?? []), ...others]);
    }
  }
  return out;
}
