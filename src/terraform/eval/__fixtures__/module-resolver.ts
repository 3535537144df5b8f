import type { Diagnostic } from '../../../core/diagnostics.ts';
import type { SourceRange } from '../../../core/source-range.ts';
import type { Expression, HclFile, TraversalStep } from '../../../hcl/ast.ts';
import type { EvalContext, ReferenceResolver, ResolvedReference } from '../context.ts';
import { evaluateExpression } from '../evaluate.ts';
import { suggestName } from '../suggest.ts';
import { markSensitive, type TfValue } from '../value.ts';

/**
 * A minimal resolver for tests: `var.*` (defaults, sensitive), `local.*` (lazy, cycle-checked),
 * `path.*` and `terraform.workspace` of one parsed file — the way `terraform console` sees a
 * configuration without resources.
 */
export function moduleResolver(file: HclFile, ctx: Omit<EvalContext, 'resolver'>): { resolver: ReferenceResolver; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const variables = new Map<string, { expr?: Expression; sensitive: boolean }>();
  const locals = new Map<string, Expression>();
  for (const block of file.body.blocks) {
    if (block.type === 'variable' && block.labels[0]) {
      const attr = (n: string): Expression | undefined => block.body.attributes.find((a) => a.name === n)?.expr;
      const sensitive = attr('sensitive');
      variables.set(block.labels[0], { expr: attr('default'), sensitive: sensitive?.kind === 'literal' && sensitive.value === true });
    }
    if (block.type === 'locals') for (const a of block.body.attributes) locals.set(a.name, a.expr);
  }
  const cache = new Map<string, TfValue>();
  const resolving = new Set<string>();
  const full: EvalContext = { ...ctx };
  const undeclared = (summary: string, detail: string, range: SourceRange): ResolvedReference => ({
    diagnostic: { severity: 'error', summary, detail, range, source: 'reference' },
  });
  const resolver: ReferenceResolver = {
    resolve(root: string, steps: readonly TraversalStep[], range: SourceRange): ResolvedReference | undefined {
      const first = steps[0];
      const name = first?.kind === 'attr' ? first.name : undefined;
      if (root === 'path') return { value: { module: '.', root: '.', cwd: ctx.cwd ?? '.' }, consumed: 0 };
      if (root === 'terraform') return { value: { workspace: 'default' }, consumed: 0 };
      if (root === 'var') {
        const v = name ? variables.get(name) : undefined;
        if (!name || !v) {
          const hint = name ? suggestName(name, variables.keys()) : undefined;
          const tail = hint ? `Did you mean ${JSON.stringify(hint)}?` : `This variable can be declared with a variable ${JSON.stringify(name)} {} block.`;
          return undeclared('Reference to undeclared input variable', `An input variable with the name ${JSON.stringify(name)} has not been declared. ${tail}`, range);
        }
        const value = v.expr ? evaluateExpression(v.expr, full, diagnostics) : null;
        return { value: v.sensitive ? markSensitive(value) : value, consumed: 1 };
      }
      if (root === 'local') {
        const expr = name ? locals.get(name) : undefined;
        if (!name || !expr)
          return undeclared('Reference to undeclared local value', `A local value with the name ${JSON.stringify(name)} has not been declared.`, range);
        if (cache.has(name)) return { value: cache.get(name)!, consumed: 1 };
        if (resolving.has(name)) return undeclared('Cycle in local values', `The local value ${JSON.stringify(name)} refers to itself.`, range);
        resolving.add(name);
        try {
          const value = evaluateExpression(expr, full, diagnostics);
          cache.set(name, value);
          return { value, consumed: 1 };
        } finally {
          resolving.delete(name);
        }
      }
      return undefined;
    },
  };
  full.resolver = resolver;
  return { resolver, diagnostics };
}
