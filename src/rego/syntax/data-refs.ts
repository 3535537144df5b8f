import type { Module, Rule, Term } from './ast.ts';
import { importPath } from './parser.ts';
import { walkBody, walkTerm, type Visitor } from './visit.ts';

/**
 * The `data` documents a module refers to, as paths under `data`: its imports of `data...`, and every ref and function
 * name whose head is `data`, each cut at its first part that is not a constant string (`data.a[x].b` -> `a`; bare
 * `data` -> the empty path, i.e. everything). Rules of another module can contribute to the module's result only if
 * their package lies under one of these paths or above it, so a program may leave out every module that matches none.
 */
export function dataRefs(module: Module): string[][] {
  const refs = new Map<string, string[]>();
  const add = (path: string[]): void => void refs.set(JSON.stringify(path), path);
  for (const imp of module.imports) {
    const path = importPath(imp.path);
    if (path[0] === 'data') add(groundPrefix(path.slice(1)));
  }
  const visitor: Visitor = {
    withTargets: true,
    term(t) {
      if (t.type === 'var' && t.name === 'data') add([]);
      if (t.type === 'call') walkTerm(t.nameTerm, visitor);
      if (t.type !== 'ref' || t.head.type !== 'var' || t.head.name !== 'data') return true;
      const prefix: string[] = [];
      for (const part of t.path) {
        if (part.type !== 'scalar' || typeof part.value !== 'string') break;
        prefix.push(part.value);
      }
      add(prefix);
      for (const part of t.path) walkTerm(part, visitor);
      return false;
    },
  };
  const visitRule = (rule: Rule): void => {
    const terms: Term[] = [...rule.head.ref, ...(rule.head.args ?? []), ...(rule.head.value ? [rule.head.value] : []), ...(rule.head.key ? [rule.head.key] : [])];
    for (const t of terms) walkTerm(t, visitor);
    walkBody(rule.body, visitor);
    if (rule.elseRule) visitRule(rule.elseRule);
  };
  for (const rule of module.rules) visitRule(rule);
  return [...refs.values()];
}

/** The path up to its first part that is not a constant (importPath writes those as `?`). */
function groundPrefix(path: string[]): string[] {
  const end = path.indexOf('?');
  return end < 0 ? path : path.slice(0, end);
}

/** Does a module of package `pkg` (path under `data`) possibly contribute to one of `refs`? */
export function packageMatches(pkg: readonly string[], refs: readonly (readonly string[])[]): boolean {
  return refs.some((ref) => {
    const n = Math.min(ref.length, pkg.length);
    for (let i = 0; i < n; i++) if (ref[i] !== pkg[i]) return false;
    return true;
  });
}
