import type { Block, Expression } from '../hcl/ast.ts';
import type { ValidatorDiagnostic } from './diagnostic.ts';
import { walkExpression } from './walk-expression.ts';
import { appendAll } from '../core/arrays.ts';
import { RESERVED_ROOTS } from './references.ts';

/**
 * One vertex of Terraform's validate graph (a resource, data source, local, output, module call or
 * provider configuration) with the diagnostics of its own evaluation and the vertices it depends on.
 */
export interface GraphNode {
  id: string;
  dependsOn: Set<string>;
  diagnostics: ValidatorDiagnostic[];
  /**
   * The edges of Terraform's finer graph, where cycles are found: a module call is split into its expansion
   * (`module.x`), one vertex per input variable (`module.x.var.v`) and its closing vertex (`module.x (close)`), and a
   * reference to `module.x.out` leads to that output's vertex. When absent, `dependsOn`.
   */
  cycleDependsOn?: Set<string>;
  /** A vertex of the finer graph only (a module input or closing vertex): not walked for diagnostics. */
  cycleOnly?: boolean;
  /** How Terraform names the vertex in a "Cycle:" error when that is not its id (provider configurations). */
  cycleName?: string;
}

/**
 * Node ids of the objects `expressions` refer to (within module `prefix`), added to `into`; a module reference leads
 * to the module call's vertex. With `outputs`, the same walk adds the ids of Terraform's finer graph there: a module
 * reference leads to the output it reads (`module.x.out` -> `module.x.output.out`; the whole module -> its closing
 * vertex `module.x (close)`), every other reference to the same id as in `into`.
 */
export function referencedNodes(prefix: string, expressions: Iterable<Expression>, into: Set<string> = new Set(), outputs?: Set<string>): Set<string> {
  const add = (id: string) => {
    into.add(id);
    outputs?.add(id);
  };
  for (const expr of expressions) {
    walkExpression(expr, {
      traversal: (t) => {
        const [first, second] = t.steps;
        const name = first?.kind === 'attr' ? first.name : undefined;
        if (t.root === 'var' && name) add(`${prefix}var.${name}`);
        else if (t.root === 'local' && name) add(`${prefix}local.${name}`);
        else if (t.root === 'module' && name) {
          into.add(`${prefix}module.${name}`);
          // `module.x.out` or `module.x[key].out`: the output; anything else reads the whole module.
          const output = second?.kind === 'attr' ? second : second?.kind === 'index' ? t.steps[2] : undefined;
          outputs?.add(output?.kind === 'attr' ? `${prefix}module.${name}.output.${output.name}` : `${prefix}module.${name} (close)`);
        } else if (t.root === 'data' && name && second?.kind === 'attr') add(`${prefix}data.${name}.${second.name}`);
        // `resource.TYPE.NAME` is the long form of `TYPE.NAME`.
        else if (t.root === 'resource' && name && second?.kind === 'attr') add(`${prefix}${name}.${second.name}`);
        else if (!RESERVED_ROOTS.has(t.root) && name) add(`${prefix}${t.root}.${name}`);
      },
    });
  }
  return into;
}

/** Every expression in a block body, nested blocks included. */
export function blockExpressions(block: Block, depth = 0): Expression[] {
  if (depth > 64) return [];
  return [...block.body.attributes.map((a) => a.expr), ...block.body.blocks.flatMap((b) => blockExpressions(b, depth + 1))];
}

/**
 * Terraform's graph walk: a vertex whose dependencies failed (had errors, or were skipped themselves) is not
 * evaluated, so its problems are not reported. Returns the diagnostics of the vertices that ran.
 */
export function walkGraph(nodes: GraphNode[]): ValidatorDiagnostic[] {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const state = new Map<string, 'visiting' | 'ok' | 'failed'>();
  const out: ValidatorDiagnostic[] = [];
  const visit = (node: GraphNode, depth: number): boolean => {
    const known = state.get(node.id);
    if (known === 'ok') return true;
    if (known === 'failed') return false;
    if (known === 'visiting' || depth > 2000) return true; // a cycle: do not skip on its account
    state.set(node.id, 'visiting');
    let dependenciesOk = true;
    for (const id of node.dependsOn) {
      const dependency = byId.get(id);
      if (dependency && dependency !== node && !visit(dependency, depth + 1)) dependenciesOk = false;
    }
    if (!dependenciesOk) {
      state.set(node.id, 'failed');
      return false;
    }
    appendAll(out, node.diagnostics);
    const ok = !node.diagnostics.some((d) => d.severity === 'error');
    state.set(node.id, ok ? 'ok' : 'failed');
    return ok;
  };
  for (const node of nodes) visit(node, 0);
  return out;
}

/**
 * A child module's resources use the default (unaliased) provider configurations of the module that calls it when
 * they have none of their own and the call passes no `providers` map: their edges to `module.x.provider.aws` lead to
 * the nearest ancestor's `provider.aws` instead (an explicit `providers` map is left alone: no edge rather than a
 * wrong one). `explicit` holds the prefixes (`module.x.`) of calls with a `providers` argument.
 */
export function inheritProviderEdges(nodes: GraphNode[], explicit: ReadonlySet<string>): void {
  const ids = new Set(nodes.map((node) => node.id));
  /** The configuration a missing `module.x.provider.p` stands for, if one can be found. */
  const inherited = (target: string): string | undefined => {
    for (let match = CHILD_PROVIDER.exec(target); match && !ids.has(target); match = CHILD_PROVIDER.exec(target)) {
      const prefix = match[1] as string;
      if (explicit.has(prefix)) return undefined;
      target = `${prefix.replace(/module\.[^.]+\.$/, '')}${match[2]}`;
    }
    return ids.has(target) ? target : undefined;
  };
  for (const node of nodes) {
    const edges = node.cycleDependsOn;
    if (!edges) continue;
    for (const target of [...edges]) {
      if (ids.has(target)) continue;
      const configuration = inherited(target);
      if (configuration === undefined) continue;
      edges.delete(target);
      edges.add(configuration);
    }
  }
}

/** An unaliased provider configuration's vertex inside a child module: (`module.a.module.b.`, `provider.aws`). */
const CHILD_PROVIDER = /^((?:module\.[^.]+\.)+)(provider\.[^.]+)$/;

/**
 * The dependency cycles among `nodes` (strongly connected components of more than one vertex, Tarjan's algorithm,
 * iterative so that long chains cannot exhaust the stack), each as its vertex ids in sorted order. Terraform
 * refuses to walk a graph with a cycle and reports each one as "Cycle: a, b".
 */
export function graphCycles(nodes: readonly GraphNode[], include: (id: string) => boolean = () => true): string[][] {
  // Vertices with the same id (a module input's edges from the call and from the variable's own declaration) merge.
  const byId = new Map<string, { dependsOn: Set<string> }>();
  for (const node of nodes) {
    if (!include(node.id)) continue;
    const edges = node.cycleDependsOn ?? node.dependsOn;
    const known = byId.get(node.id);
    if (known) for (const id of edges) known.dependsOn.add(id);
    else byId.set(node.id, { dependsOn: new Set(edges) });
  }
  // A module's closing vertex waits for each of its outputs.
  for (const [id, vertex] of byId) {
    if (!id.endsWith(' (close)')) continue;
    const outputs = `${id.slice(0, -' (close)'.length)}.output.`;
    for (const other of byId.keys()) if (other.startsWith(outputs) && !other.slice(outputs.length).includes('.')) vertex.dependsOn.add(other);
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  let counter = 0;
  for (const start of byId.keys()) {
    if (index.has(start)) continue;
    // Each frame: a vertex and an iterator over the dependencies still to visit.
    const frames: Array<{ id: string; next: Iterator<string> }> = [];
    const enter = (id: string) => {
      index.set(id, counter);
      low.set(id, counter++);
      stack.push(id);
      onStack.add(id);
      frames.push({ id, next: (byId.get(id) as { dependsOn: Set<string> }).dependsOn.values() });
    };
    enter(start);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1] as { id: string; next: Iterator<string> };
      const step = frame.next.next();
      if (!step.done) {
        const target = step.value;
        if (!byId.has(target) || target === frame.id) continue;
        if (!index.has(target)) enter(target);
        else if (onStack.has(target)) low.set(frame.id, Math.min(low.get(frame.id) as number, index.get(target) as number));
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id) as number, low.get(frame.id) as number));
      if (low.get(frame.id) !== index.get(frame.id)) continue;
      const component: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop() as string;
        onStack.delete(member);
        component.push(member);
      } while (member !== frame.id);
      if (component.length > 1) cycles.push(component.sort());
    }
  }
  return cycles.sort((a, b) => ((a[0] as string) < (b[0] as string) ? -1 : 1));
}
