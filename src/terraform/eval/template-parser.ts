import type { Diagnostic } from '../../core/diagnostics.ts';
import type { Expression } from '../../hcl/ast.ts';
import { ConvertContext } from '../../hcl/convert-context.ts';
import { children, convertExpressionNode } from '../../hcl/convert-expression.ts';
import { PositionMap } from '../../hcl/position-map.ts';
import { maskForGrammar, readWholeTree, terraformParser } from '../../hcl/tree-sitter.ts';

export type TemplateParser = (source: string, filename: string) => { expr: Expression } | { diagnostic: Diagnostic };

/**
 * A synchronous template parser for `templatefile`/`templatestring` (the evaluator is synchronous;
 * the tree-sitter parser only needs an async start-up, done here once). The template text is parsed
 * as a heredoc and positions are mapped back to the template file itself.
 */
export async function loadTemplateParser(): Promise<TemplateParser> {
  const parser = await terraformParser();
  return (source, filename) => {
    let marker = 'EOT';
    while (source.includes(marker)) marker += '_';
    const prefix = `x = <<${marker}\n`;
    const synthetic = `${prefix}${source}\n${marker}\n`;
    const positions = new PositionMap(filename, source);
    const indexMap = (i: number): number => Math.max(0, Math.min(source.length, i - prefix.length));
    const input = maskForGrammar(synthetic);
    const tree = parser.parse(input);
    const whole = positions.range(0, source.length);
    const invalid = (detail: string): { diagnostic: Diagnostic } => ({
      diagnostic: { severity: 'error', summary: 'Invalid template', detail, range: whole, source: 'eval' },
    });
    if (!tree) return invalid('The template could not be parsed.');
    try {
      if (tree.rootNode.hasError) {
        const err = tree.rootNode.descendantsOfType('ERROR')[0] ?? tree.rootNode.descendantsOfType('MISSING')[0];
        const at = err ? positions.range(indexMap(err.startIndex), indexMap(err.endIndex)) : whole;
        return { diagnostic: { severity: 'error', summary: 'Invalid template', detail: 'The template has a syntax error here.', range: at, source: 'eval' } };
      }
      const ctx = new ConvertContext(filename, synthetic, positions, indexMap);
      ctx.expressionConverter = convertExpressionNode;
      const attribute = children(readWholeTree(tree, input))
        .flatMap((n) => (n.type === 'body' ? children(n) : [n]))
        .find((n) => n.type === 'attribute');
      const exprNode = attribute ? children(attribute).find((n) => n.type === 'expression') : undefined;
      if (!exprNode) return invalid('The template could not be parsed.');
      const expr = ctx.expression(exprNode);
      const error = ctx.diagnostics.find((d) => d.severity === 'error');
      if (error) return { diagnostic: error };
      if (expr.kind !== 'template') return invalid('The template could not be parsed.');
      const last = expr.parts[expr.parts.length - 1];
      if (last?.kind === 'text') {
        last.value = last.value.replace(/\n$/, '');
        if (last.value === '') expr.parts.pop();
      }
      // Not a heredoc for evaluation purposes: a template that is one interpolation yields its value.
      const template: Expression = { kind: 'template', parts: expr.parts, range: whole };
      return { expr: template };
    } finally {
      tree.delete();
    }
  };
}

let loaded: TemplateParser | undefined;
let loading: Promise<void> | undefined;

/**
 * The shared template parser once it is ready (undefined before): evaluation contexts without their own
 * `parseTemplate` use it. Loading starts on the first call; it is the same tree-sitter parser the HCL
 * subsystem uses, so after any `parseHclFile` it is ready almost at once.
 */
export function defaultTemplateParser(): TemplateParser | undefined {
  loading ??= loadTemplateParser().then(
    (p) => {
      loaded = p;
    },
    () => undefined,
  );
  return loaded;
}

/** Resolves once the shared template parser is ready (callers that evaluate templates synchronously await it first). */
export async function templateParserReady(): Promise<TemplateParser | undefined> {
  defaultTemplateParser();
  await loading;
  return loaded;
}
