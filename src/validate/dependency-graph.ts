import type { Block, Expression } from '../hcl/ast.ts';
import type { ValidatorDiagnostic } from './diagnostic.ts';
import { walkExpression } from './walk-expression.ts';
import { appendAll } from '../core/arrays.ts';
import { RESERVED_ROOTS } from './references.ts';

/**
 * Node ids of the objects `expressions` refer to (within module `prefix`), pushed onto `into` (possibly more than
 * once); a module reference leads to the module call's vertex. With `outputs`, the same walk pushes the ids of
 * Terraform's finer graph there: a module reference leads to the output it reads (`module.x.out` ->
 * `module.x.output.out`; the whole module -> its closing vertex `module.x (close)`), every other reference to the
 * same id as in `into`.
 */
export function referencedNodes(prefix: string, expressions: Iterable<Expression>, into: string[], outputs?: string[]): void {
  const add = (id: string) => {
    into.push(id);
    outputs?.push(id);
  };
  for (const expr of expressions) {
    walkExpression(expr, {
      traversal: (t) => {
        const [first, second] = t.steps;
        const name = first?.kind === 'attr' ? first.name : undefined;
        if (t.root === 'var' && name) add(`${prefix}var.${name}`);
        else if (t.root === 'local' && name) add(`${prefix}local.${name}`);
        else if (t.root === 'module' && name) {
          into.push(`${prefix}module.${name}`);
          // `module.x.out` or `module.x[key].out`: the output; anything else reads the whole module.
          const output = second?.kind === 'attr' ? second : second?.kind === 'index' ? t.steps[2] : undefined;
          outputs?.push(output?.kind === 'attr' ? `${prefix}module.${name}.output.${output.name}` : `${prefix}module.${name} (close)`);
        } else if (t.root === 'data' && name && second?.kind === 'attr') add(`${prefix}data.${name}.${second.name}`);
        // `resource.TYPE.NAME` is the long form of `TYPE.NAME`.
        else if (t.root === 'resource' && name && second?.kind === 'attr') add(`${prefix}${name}.${second.name}`);
        else if (!RESERVED_ROOTS.has(t.root) && name) add(`${prefix}${t.root}.${name}`);
      },
    });
  }
}

/** Every expression in a block body, nested blocks included. */
export function blockExpressions(block: Block, depth = 0): Expression[] {
  if (depth > 64) return [];
  return [...block.body.attributes.map((a) => a.expr), ...block.body.blocks.flatMap((b) => blockExpressions(b, depth + 1))];
}

/** An unaliased provider configuration's vertex inside a child module: (`module.a.module.b.`, `provider.aws`). */
const CHILD_PROVIDER = /^((?:module\.[^.]+\.)+)(provider\.[^.]+)$/;


/** Options of one vertex declaration in a `DependencyGraph`. */
export interface VertexOptions {
  /** A vertex of the finer graph only (a module input or closing vertex): not walked for diagnostics. */
  cycleOnly?: boolean;
  /** How Terraform names the vertex in a "Cycle:" error when that is not its id (provider configurations). */
  cycleName?: string | undefined;
  /** Drop edges from the vertex to itself. */
  withoutSelf?: boolean;
}

/**
 * Terraform's validate graph: the vertices (resources, data sources, locals, outputs, module calls, provider
 * configurations), each declared with the diagnostics of its own evaluation and two edge lists: `walk`, the vertices
 * it depends on, and `cycle`, its edges in Terraform's finer graph where cycles are found (a module call is split into
 * its expansion `module.x`, one vertex per input variable `module.x.var.v` and its closing vertex `module.x (close)`;
 * a reference to `module.x.out` leads to that output's vertex).
 *
 * Stored compactly for configurations of tens of thousands of resources: each vertex id is kept once and numbered,
 * and every declaration's edges are vertex numbers in one shared typed array (duplicates dropped, first occurrence
 * order kept, as a set would).
 */
export class DependencyGraph {
  private readonly numbers = new Map<string, number>();
  /** Vertex ids (declared or only referenced) by number, in order of first sight. */
  private readonly ids: string[] = [];
  private readonly edges = new IntList();
  /** Per declaration: its vertex; its walk edges are edges[walkStart .. cycleStart), its cycle edges edges[cycleStart .. cycleEnd). */
  private readonly declared: number[] = [];
  private readonly walkStart: number[] = [];
  private readonly cycleStart: number[] = [];
  private readonly cycleEnd: number[] = [];
  private readonly diagnostics: ValidatorDiagnostic[][] = [];
  private readonly cycleOnly: boolean[] = [];
  /** Vertex number -> its name in "Cycle:" errors, when not its id (the last declaration's wins). */
  private readonly cycleNames = new Map<number, string>();
  /** Per vertex number, the stamp of the last edge list it was added to (drops duplicate edges). */
  private seen = new Int32Array(1024);
  private stamp = 0;

  /**
   * Declares vertex `id` with `diagnostics` (the array is kept: diagnostics may be added until the walk) and the
   * ids it depends on in the walk and in the finer graph.
   */
  add(id: string, diagnostics: ValidatorDiagnostic[], walk: readonly string[], cycle: readonly string[], options: VertexOptions = {}): void {
    const self = this.vertex(id);
    this.declared.push(self);
    this.diagnostics.push(diagnostics);
    this.cycleOnly.push(options.cycleOnly === true);
    const except = options.withoutSelf ? self : -1;
    this.walkStart.push(this.edges.length);
    this.appendEdges(walk, except);
    this.cycleStart.push(this.edges.length);
    this.appendEdges(cycle, except);
    this.cycleEnd.push(this.edges.length);
    if (options.cycleName !== undefined) this.cycleNames.set(self, options.cycleName);
  }

  /** How Terraform names vertex `id` in a "Cycle:" error, when that is not its id. */
  cycleName(id: string): string | undefined {
    const vertex = this.numbers.get(id);
    return vertex === undefined ? undefined : this.cycleNames.get(vertex);
  }

  /**
   * A child module's resources use the default (unaliased) provider configurations of the module that calls it when
   * they have none of their own and the call passes no `providers` map: their edges (in the finer graph) to
   * `module.x.provider.aws` lead to the nearest ancestor's `provider.aws` instead (an explicit `providers` map is left
   * alone: no edge rather than a wrong one). `explicit` holds the prefixes (`module.x.`) of calls with a `providers`
   * argument.
   */
  inheritProviderEdges(explicit: ReadonlySet<string>): void {
    const isDeclared = new Uint8Array(this.ids.length);
    for (const vertex of this.declared) isDeclared[vertex] = 1;
    const declaredNumber = (id: string): number => {
      const vertex = this.numbers.get(id);
      return vertex !== undefined && isDeclared[vertex] === 1 ? vertex : -1;
    };
    /** The configuration a missing `module.x.provider.p` stands for, if one can be found. */
    const inherited = (target: string): number => {
      for (let match = CHILD_PROVIDER.exec(target); match && declaredNumber(target) === -1; match = CHILD_PROVIDER.exec(target)) {
        const prefix = match[1] as string;
        if (explicit.has(prefix)) return -1;
        target = `${prefix.replace(/module\.[^.]+\.$/, '')}${match[2]}`;
      }
      return declaredNumber(target);
    };
    const edges = this.edges.items;
    for (let node = 0; node < this.declared.length; node++) {
      const start = this.cycleStart[node] as number;
      const end = this.cycleEnd[node] as number;
      // Kept edges stay in place and order; each replacement is added at the end unless already there (set semantics).
      let write = start;
      let replacements: number[] | undefined;
      for (let i = start; i < end; i++) {
        const target = edges[i] as number;
        const configuration = isDeclared[target] === 1 ? -1 : inherited(this.ids[target] as string);
        if (configuration === -1) edges[write++] = target;
        else (replacements ??= []).push(configuration);
      }
      for (const configuration of replacements ?? []) if (edges.subarray(start, write).indexOf(configuration) === -1) edges[write++] = configuration;
      this.cycleEnd[node] = write;
    }
  }

  /**
   * The dependency cycles in the finer graph among the vertices whose id passes `include` (strongly connected
   * components of more than one vertex, Tarjan's algorithm, iterative so that long chains cannot exhaust the stack),
   * each as its vertex ids in sorted order. Terraform refuses to walk a graph with a cycle and reports each one as
   * "Cycle: a, b".
   */
  cycles(include: (id: string) => boolean = () => true): string[][] {
    const count = this.ids.length;
    // Declarations of the same vertex (a module input's edges from the call and from the variable's own declaration)
    // merge: their edges in declaration order. `order` lists the included vertices by first declaration.
    const first = new Int32Array(count).fill(-1);
    const last = new Int32Array(count);
    const next = new Int32Array(this.declared.length).fill(-1);
    const member = new Uint8Array(count);
    const order: number[] = [];
    for (let node = 0; node < this.declared.length; node++) {
      const vertex = this.declared[node] as number;
      const known = first[vertex] as number;
      if (known === -1) {
        if (!include(this.ids[vertex] as string)) {
          first[vertex] = -2;
          continue;
        }
        first[vertex] = last[vertex] = node;
        member[vertex] = 1;
        order.push(vertex);
      } else if (known >= 0) {
        next[last[vertex] as number] = node;
        last[vertex] = node;
      }
    }
    // The merged edges, each vertex's at adjacency[adjacencyStart .. adjacencyEnd).
    const adjacency = new IntList();
    const adjacencyStart = new Int32Array(count);
    const adjacencyEnd = new Int32Array(count);
    const edges = this.edges.items;
    // Output vertices (`module.x.output.name`) by what precedes their name (`module.x.output.`), in order: a module's
    // closing vertex waits for each of its outputs (looked up once, not by scanning every vertex per module call).
    const outputsOf = new Map<string, number[]>();
    for (const vertex of order) {
      const id = this.ids[vertex] as string;
      const prefix = id.slice(0, id.lastIndexOf('.') + 1);
      if (!prefix.endsWith('.output.')) continue;
      const outputs = outputsOf.get(prefix);
      if (outputs) outputs.push(vertex);
      else outputsOf.set(prefix, [vertex]);
    }
    for (const vertex of order) {
      const stamp = this.nextStamp();
      const add = (target: number) => {
        if (this.seen[target] === stamp) return;
        this.seen[target] = stamp;
        adjacency.push(target);
      };
      adjacencyStart[vertex] = adjacency.length;
      for (let node = first[vertex] as number; node !== -1; node = next[node] as number) {
        for (let i = this.cycleStart[node] as number; i < (this.cycleEnd[node] as number); i++) add(edges[i] as number);
      }
      const id = this.ids[vertex] as string;
      if (id.endsWith(' (close)')) for (const output of outputsOf.get(`${id.slice(0, -' (close)'.length)}.output.`) ?? []) add(output);
      adjacencyEnd[vertex] = adjacency.length;
    }
    const targets = adjacency.items;
    const index = new Int32Array(count).fill(-1);
    const low = new Int32Array(count);
    const onStack = new Uint8Array(count);
    const stack: number[] = [];
    // The depth-first path: each frame a vertex and the position of its next edge to visit.
    const frameVertex: number[] = [];
    const frameEdge: number[] = [];
    const cycles: string[][] = [];
    let counter = 0;
    const enter = (vertex: number) => {
      index[vertex] = counter;
      low[vertex] = counter++;
      stack.push(vertex);
      onStack[vertex] = 1;
      frameVertex.push(vertex);
      frameEdge.push(adjacencyStart[vertex] as number);
    };
    for (const start of order) {
      if (index[start] !== -1) continue;
      enter(start);
      while (frameVertex.length > 0) {
        const top = frameVertex.length - 1;
        const vertex = frameVertex[top] as number;
        const position = frameEdge[top] as number;
        if (position < (adjacencyEnd[vertex] as number)) {
          frameEdge[top] = position + 1;
          const target = targets[position] as number;
          if (member[target] !== 1 || target === vertex) continue;
          if (index[target] === -1) enter(target);
          else if (onStack[target] === 1) low[vertex] = Math.min(low[vertex] as number, index[target] as number);
          continue;
        }
        frameVertex.pop();
        frameEdge.pop();
        const parent = frameVertex[frameVertex.length - 1];
        if (parent !== undefined) low[parent] = Math.min(low[parent] as number, low[vertex] as number);
        if (low[vertex] !== index[vertex]) continue;
        const component: string[] = [];
        let popped: number;
        do {
          popped = stack.pop() as number;
          onStack[popped] = 0;
          component.push(this.ids[popped] as string);
        } while (popped !== vertex);
        if (component.length > 1) cycles.push(component.sort());
      }
    }
    return cycles.sort((a, b) => ((a[0] as string) < (b[0] as string) ? -1 : 1));
  }

  /**
   * Terraform's graph walk over the vertices that are not `cycleOnly`: a vertex whose dependencies failed (had errors,
   * or were skipped themselves) is not evaluated, so its problems are not reported. Returns the diagnostics of the
   * vertices that ran, in walk order.
   */
  walk(): ValidatorDiagnostic[] {
    const count = this.ids.length;
    // The declaration a walk edge leads to (the last one of its vertex).
    const target = new Int32Array(count).fill(-1);
    for (let node = 0; node < this.declared.length; node++) if (!this.cycleOnly[node]) target[this.declared[node] as number] = node;
    const state = new Uint8Array(count);
    const edges = this.edges.items;
    const out: ValidatorDiagnostic[] = [];
    const visit = (node: number, depth: number): boolean => {
      const vertex = this.declared[node] as number;
      const known = state[vertex];
      if (known === OK) return true;
      if (known === FAILED) return false;
      if (known === VISITING || depth > 2000) return true; // a cycle: do not skip on its account
      state[vertex] = VISITING;
      let dependenciesOk = true;
      for (let i = this.walkStart[node] as number; i < (this.cycleStart[node] as number); i++) {
        const dependency = target[edges[i] as number] as number;
        if (dependency !== -1 && dependency !== node && !visit(dependency, depth + 1)) dependenciesOk = false;
      }
      if (!dependenciesOk) {
        state[vertex] = FAILED;
        return false;
      }
      const diagnostics = this.diagnostics[node] as ValidatorDiagnostic[];
      appendAll(out, diagnostics);
      const ok = !diagnostics.some((d) => d.severity === 'error');
      state[vertex] = ok ? OK : FAILED;
      return ok;
    };
    for (let node = 0; node < this.declared.length; node++) if (!this.cycleOnly[node]) visit(node, 0);
    return out;
  }

  private vertex(id: string): number {
    let vertex = this.numbers.get(id);
    if (vertex === undefined) {
      vertex = this.ids.length;
      this.numbers.set(id, vertex);
      this.ids.push(id);
    }
    return vertex;
  }

  private nextStamp(): number {
    if (this.seen.length < this.ids.length) {
      const grown = new Int32Array(Math.max(this.ids.length, this.seen.length * 2));
      grown.set(this.seen);
      this.seen = grown;
    }
    return ++this.stamp;
  }

  private appendEdges(ids: readonly string[], except: number): void {
    const vertices = ids.map((id) => this.vertex(id));
    const stamp = this.nextStamp();
    for (const vertex of vertices) {
      if (vertex === except || this.seen[vertex] === stamp) continue;
      this.seen[vertex] = stamp;
      this.edges.push(vertex);
    }
  }
}

const VISITING = 1;
const OK = 2;
const FAILED = 3;

/** A growable list of 32-bit integers. */
class IntList {
  items = new Int32Array(1024);
  length = 0;
  push(value: number): void {
    if (this.length === this.items.length) {
      const grown = new Int32Array(this.items.length * 2);
      grown.set(this.items);
      this.items = grown;
    }
    this.items[this.length++] = value;
  }
}
