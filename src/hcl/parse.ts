import type { Diagnostic } from '../core/diagnostics.ts';
import type { Body, HclFile } from './ast.ts';
import { convertRoot } from './convert-body.ts';
import { ConvertContext } from './convert-context.ts';
import { convertExpressionNode } from './convert-expression.ts';
import { parseJsonFile } from './json-syntax.ts';
import { hclSyntaxDiagnostics } from './syntax-check.ts';
import { recoverBySections } from './recover.ts';
import { parseTree, terraformParser } from './tree-sitter.ts';

/**
 * HCL's verdict on native-syntax source: [] when valid, else its diagnostics (text and positions as
 * Terraform prints them).
 */
export async function checkHclSyntax(filename: string, source: string, context?: ConvertContext): Promise<Diagnostic[]> {
  return hclSyntaxDiagnostics(source, (context ?? new ConvertContext(filename, source)).positions);
}

/**
 * Parses one Terraform file (`*.tf`, `*.tfvars` in native syntax, or `*.tf.json` / `*.tfvars.json`) into
 * the AST of `ast.ts`. Never throws for bad syntax: `syntaxErrors` holds HCL's diagnostics and `body`
 * the best tree recovered from the broken file. `filename` is used verbatim in every range.
 */
export async function parseHclFile(filename: string, source: string): Promise<HclFile> {
  if (filename.endsWith('.json')) return parseJsonFile(filename, source);
  const ctx = new ConvertContext(filename, source);
  ctx.expressionConverter = convertExpressionNode;
  const [tree, syntaxErrors] = await Promise.all([parseTree(source), checkHclSyntax(filename, source, ctx)]);
  if (syntaxErrors.some((d) => d.code === 'nesting-too-deep')) ctx.suppressDepthDiagnostic();
  if (syntaxErrors.some((d) => d.code === 'syntax')) {
    const recovered = recoverBySections(await terraformParser(), { filename, source }, ctx);
    if (recovered) {
      tree.delete();
      return { filename, source, body: recovered.body, syntaxErrors: [...syntaxErrors, ...ctx.diagnostics], comments: recovered.comments };
    }
  }
  try {
    const root = tree.rootNode;
    const body: Body = { attributes: [], blocks: [], range: ctx.range(0, source.length) };
    convertRoot(ctx, root, body);
    const comments = root.descendantsOfType('comment').flatMap((node) =>
      node ? [{ text: source.slice(node.startIndex, node.endIndex), line: ctx.positions.pos(node.startIndex).line }] : [],
    );
    return { filename, source, body, syntaxErrors: [...syntaxErrors, ...ctx.diagnostics], comments };
  } finally {
    tree.delete();
  }
}
