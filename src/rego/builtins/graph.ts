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
    // Depth-first from each edge of each initial node; `reached` is shared by one such walk (as in OPA), so a
    // node met again ends the current path.
    const walk = (root: RegoValue, path: RegoValue[], reached: RegoSet): void => {
      if (graph.get(root) === undefined) {
        out.add(path);
        return;
      }
      const next = [...path, root];
      const edges = neighbours(graph, root);
      if (edges.length === 0) {
        out.add(next);
        return;
      }
      reached.add(root);
      for (const n of edges) {
        if (reached.has(n)) out.add(next);
        else walk(n, next, reached);
      }
    };
    for (const node of initial(start)) {
      if (graph.get(node) === undefined) continue;
      const edges = neighbours(graph, node);
      if (edges.length === 0) out.add([node]);
      for (const n of edges) walk(n, [node], new RegoSet([node]));
    }
    return out;
  }),
];
