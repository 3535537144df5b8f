/** Static recursion check (OPA's checkRecursion): a rule may not depend on itself through data refs or calls. */
import type { Body, Term } from '../syntax/ast.ts';
import { RegoError } from '../syntax/errors.ts';
import type { CompiledRule, RuleNode } from './rule-tree.ts';
import { walkBody, walkTerm, type Visitor } from '../syntax/visit.ts';

/** The data refs a rule depends on: `data.a.b[x]` refs (ground prefix, open when a key is not a constant) and calls. */
function dataRefs(terms: Term[], body: Body, out: Array<{ path: string[]; open: boolean }>): void {
  // `with` targets replace what they name; their values are dependencies (the walker visits values only)
  const visitor: Visitor = {
    term: (t) => {
      if (t.type === 'ref' && t.head.type === 'var' && t.head.name === 'data') {
        const path: string[] = [];
        let open = false;
        for (const p of t.path) {
          if (p.type === 'scalar' && (typeof p.value === 'string' || typeof p.value === 'number')) path.push(String(p.value));
          else {
            open = true;
            break;
          }
        }
        out.push({ path, open });
        for (const p of t.path) walkTerm(p, visitor);
        return false;
      }
      if (t.type === 'var' && t.name === 'data') out.push({ path: [], open: true });
      if (t.type === 'call' && t.name.startsWith('data.')) out.push({ path: t.name.split('.').slice(1), open: false });
      return true;
    },
  };
  for (const t of terms) walkTerm(t, visitor);
  walkBody(body, visitor);
}

export function checkRecursion(root: RuleNode, rules: readonly CompiledRule[], errors: RegoError[]): void {
  // dependency graph between nodes that hold rules
  const deps = new Map<RuleNode, Set<RuleNode>>();
  const addRule = (r: CompiledRule): void => {
    const refs: Array<{ path: string[]; open: boolean }> = [];
    const terms = [...r.keyTerms, ...(r.value ? [r.value] : []), ...(r.element ? [r.element] : []), ...(r.args ?? [])];
    dataRefs(terms, r.body, refs);
    const set = deps.get(r.node) ?? new Set<RuleNode>();
    deps.set(r.node, set);
    for (const ref of refs) {
      // nodes on the path with rules, and (for refs ending at/inside an internal node) all rule nodes below
      let n: RuleNode | undefined = root;
      for (const k of ref.path) {
        if (n.rules.length || n.defaults.length) break;
        n = n.children.get(k);
        if (!n) break;
      }
      if (!n) continue;
      if (n.rules.length || n.defaults.length) set.add(n);
      else if (!ref.open) for (const d of n.walk()) if (d.rules.length || d.defaults.length) set.add(d);
    }
    if (r.elseRule) addRule(r.elseRule);
  };
  for (const r of rules) addRule(r);
  const state = new Map<RuleNode, number>();
  const stack: RuleNode[] = [];
  const reported = new Set<RuleNode>();
  const dfs = (n: RuleNode): void => {
    state.set(n, 1);
    stack.push(n);
    for (const d of deps.get(n) ?? []) {
      const s = state.get(d);
      if (s === 1) {
        if (!reported.has(d)) {
          reported.add(d);
          const cycle = stack.slice(stack.indexOf(d)).map((x) => x.dottedPath);
          const first = d.rules[0] ?? d.defaults[0];
          errors.push(
            new RegoError(
              'rego_recursion_error',
              `rule ${d.dottedPath} is recursive: ${[...cycle, d.dottedPath].join(' -> ')}`,
              first?.source.loc,
            ),
          );
        }
      } else if (s === undefined) dfs(d);
    }
    stack.pop();
    state.set(n, 2);
  };
  for (const n of deps.keys()) if (!state.has(n)) dfs(n);
}
