/** OPA category `graph`: graph.reachable and graph.reachable_paths (walk is the evaluator's). */
import { defineCategory } from './builtin.ts';
import { objectOperand, typeError } from './operands.ts';
import { RegoSet, RegoObject, type RegoValue } from '../value.ts';

const builtin = defineCategory('graph');

function neighbours(graph: RegoObject, node: RegoValue): RegoValue[] {
  const edges = graph.get(node);
  if (Array.isArray(edges)) return [...(edges as readonly RegoValue[])];
  if (edges instanceof RegoSet) return edges.sorted();
  return [];
}

function initial(v: RegoValue | undefined): RegoValue[] {
  if (Array.isArray(v)) return [...(v as readonly RegoValue[])];
  if (v instanceof RegoSet) return v.sorted();
  throw typeError(2, v ?? null, 'set', 'array');
}

export const graphBuiltins = [
  builtin('graph.reachable', ([g, start]) => {
    const graph = objectOperand(g, 1);
    const seen = new RegoSet();
    const queue = initial(start);
    while (queue.length > 0) {
      const node = queue.shift()!;
      if (seen.has(node) || graph.get(node) === undefined) continue;
      seen.add(node);
      queue.push(...neighbours(graph, node));
    }
    return seen;
  }),
  builtin('graph.reachable_paths', ([g, start]) => {
    const graph = objectOperand(g, 1);
    const out = new RegoSet();
    const walk = (node: RegoValue, path: RegoValue[], onPath: RegoSet): void => {
      if (graph.get(node) === undefined) {
        if (path.length > 0) out.add(path);
        return;
      }
      const next = [...path, node];
      const visiting = new RegoSet([...onPath, node]);
      const edges = neighbours(graph, node).filter((n) => !visiting.has(n));
      if (edges.length === 0) {
        out.add(next);
        return;
      }
      for (const n of edges) walk(n, next, visiting);
    };
    for (const node of initial(start)) walk(node, [], new RegoSet());
    return out;
  }),
];
