import type { Expression, TraversalStep } from '../hcl/ast.ts';
import { walkExpression } from '../hcl/walk.ts';
import { goQuote } from '../core/go-quote.ts';

/** A static traversal step: `.name` or `[key]` with a literal key (what HCL calls an absolute traversal). */
export type StaticStep = { kind: 'attr'; name: string } | { kind: 'index'; key: string | number | boolean };

/** A variable reference in an expression: the root name and the literal steps that follow it. */
export interface StaticTraversal {
  root: string;
  steps: StaticStep[];
}

/** The literal value of an index key, or undefined when the key is computed. */
export function literalKey(key: Expression): string | number | boolean | undefined {
  if (key.kind === 'literal') return key.value === null ? undefined : key.value;
  if (key.kind === 'template' && !key.heredoc && key.parts.every((p) => p.kind === 'text')) {
    return key.parts.map((p) => (p.kind === 'text' ? p.value : '')).join('');
  }
  return undefined;
}

/**
 * Every variable traversal in an expression, in HCL's walk order (what `hcl.Expression.Variables()`
 * returns): a traversal stops at the first computed index, whose key is then walked; names bound by `for`
 * expressions and template `for` directives are excluded.
 */
export function traversalsIn(expr: Expression, bound: ReadonlySet<string> = new Set()): StaticTraversal[] {
  const out: StaticTraversal[] = [];
  walkExpression(
    expr,
    (node, names) => {
      if (node.kind === 'traversal' && !names.has(node.root)) out.push({ root: node.root, steps: staticPrefix(node.steps).steps });
    },
    bound,
  );
  return out;
}

/** Splits traversal steps into the literal prefix and the steps from the first computed index on. */
export function staticPrefix(steps: TraversalStep[]): { steps: StaticStep[]; rest: TraversalStep[] } {
  const out: StaticStep[] = [];
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!;
    if (step.kind === 'attr') {
      out.push({ kind: 'attr', name: step.name });
      continue;
    }
    const key = literalKey(step.key);
    if (key === undefined) return { steps: out, rest: steps.slice(i) };
    out.push({ kind: 'index', key });
  }
  return { steps: out, rest: [] };
}

/** A parsed Terraform reference (addrs.Reference): the referenceable subject and the remaining steps. */
export interface ParsedReference {
  kind: 'resource' | 'data' | 'var' | 'local' | 'module' | 'module-output' | 'count' | 'each' | 'path' | 'terraform' | 'self';
  /** Subject address text, e.g. `aws_s3_bucket.b`, `aws_instance.x[0]`, `var.x`, `module.m.out`. */
  subject: string;
  /** For resource instances with a key and module outputs: the containing address without key/output. */
  container?: string;
  /** Resource type/name, variable/local/module/output name. */
  type?: string;
  name: string;
  /** Instance key of a resource or module reference, when written. */
  key?: string | number | boolean;
  /** For `module-output`: the output name. */
  output?: string;
  remaining: StaticStep[];
}

/** Terraform's `addrs.ParseRef`: undefined when the traversal is not a valid reference. */
export function parseReference(traversal: StaticTraversal): ParsedReference | undefined {
  const { root, steps } = traversal;
  const attrAt = (i: number): string | undefined => {
    const step = steps[i];
    return step?.kind === 'attr' ? step.name : undefined;
  };
  switch (root) {
    case 'count':
    case 'each':
    case 'path':
    case 'terraform':
    case 'var':
    case 'local': {
      const name = attrAt(0);
      if (name === undefined) return undefined;
      return { kind: root, subject: `${root}.${name}`, name, remaining: steps.slice(1) };
    }
    case 'self':
      return { kind: 'self', subject: 'self', name: 'self', remaining: steps };
    case 'module': {
      const name = attrAt(0);
      if (name === undefined) return undefined;
      let i = 1;
      let key: string | number | boolean | undefined;
      const first = steps[1];
      if (first?.kind === 'index') {
        key = first.key;
        i = 2;
      }
      const call = `module.${name}${key === undefined ? '' : `[${keyText(key)}]`}`;
      const output = attrAt(i);
      if (i >= steps.length) {
        const ref: ParsedReference = { kind: 'module', subject: call, name, remaining: [] };
        if (key !== undefined) ref.key = key;
        if (key !== undefined) ref.container = `module.${name}`;
        return ref;
      }
      if (output === undefined) return undefined;
      const ref: ParsedReference = {
        kind: 'module-output',
        subject: `${call}.${output}`,
        container: call,
        name,
        output,
        remaining: steps.slice(i + 1),
      };
      if (key !== undefined) ref.key = key;
      return ref;
    }
    case 'data': {
      const type = attrAt(0);
      const name = attrAt(1);
      if (type === undefined || name === undefined) return undefined;
      return resourceReference('data', `data.${type}.${name}`, type, name, steps.slice(2));
    }
    default: {
      const name = attrAt(0);
      if (name === undefined) return undefined;
      return resourceReference('resource', `${root}.${name}`, root, name, steps.slice(1));
    }
  }
}

function resourceReference(
  kind: 'resource' | 'data',
  address: string,
  type: string,
  name: string,
  rest: StaticStep[],
): ParsedReference {
  const first = rest[0];
  if (first?.kind === 'index') {
    return {
      kind,
      subject: `${address}[${keyText(first.key)}]`,
      container: address,
      type,
      name,
      key: first.key,
      remaining: rest.slice(1),
    };
  }
  return { kind, subject: address, type, name, remaining: rest };
}

/** An instance key as Terraform prints it: `0` or `"key"` (Go %q quoting). */
export function keyText(key: string | number | boolean): string {
  if (typeof key === 'string') return goQuote(key);
  return String(key);
}

/** `.a[0]["k"]` for remaining steps (Terraform's jsonconfig traversalStr). */
export function stepsText(steps: StaticStep[]): string {
  let out = '';
  for (const step of steps) out += step.kind === 'attr' ? `.${step.name}` : `[${keyText(step.key)}]`;
  return out;
}

/**
 * The `references` list Terraform writes for an expression in the plan's `configuration` section: for
 * each reference, the full traversal, then each shorter prefix down to the subject, then the containing
 * resource/module call when the subject had an instance key or was a module output. Not deduplicated.
 */
export function expressionReferences(expr: Expression): string[] {
  const out: string[] = [];
  for (const traversal of traversalsIn(expr)) {
    const ref = parseReference(traversal);
    if (!ref) continue;
    for (let n = ref.remaining.length; n > 0; n--) out.push(ref.subject + stepsText(ref.remaining.slice(0, n)));
    out.push(ref.subject);
    if (ref.container && (ref.kind === 'module-output' || ref.key !== undefined)) out.push(ref.container);
  }
  return out;
}

/** Terraform references an expression makes, parsed (for dependency ordering and `relevant_attributes`). */
export function parsedReferences(expr: Expression, bound: ReadonlySet<string> = new Set()): ParsedReference[] {
  const out: ParsedReference[] = [];
  for (const traversal of traversalsIn(expr, bound)) {
    const ref = parseReference(traversal);
    if (ref) out.push(ref);
  }
  return out;
}
