import type { Tree } from 'web-tree-sitter';
import type { Diagnostic } from '../core/diagnostics.ts';
import type { Body, HclFile } from './ast.ts';
import { convertTree } from './convert-body.ts';
import { ConvertContext } from './convert-context.ts';
import { convertExpressionNode } from './convert-expression.ts';
import { parseJsonFile } from './json-syntax.ts';
import type { PositionMap } from './position-map.ts';
import { hclSyntaxDiagnostics, startHclSyntaxCheck } from './syntax-check.ts';
import { recoverBySections } from './recover.ts';
import { parseTree, readSyntaxTree, terraformParser } from './tree-sitter.ts';

/**
 * HCL's verdict on native-syntax source: [] when valid, else its diagnostics (text and positions as
 * Terraform prints them).
 */
export async function checkHclSyntax(filename: string, source: string, context?: ConvertContext): Promise<Diagnostic[]> {
  return hclSyntaxDiagnostics(source, (context ?? new ConvertContext(filename, source)).positions);
}

/** Largest source (UTF-16 units) whose syntax check overlaps its tree-sitter parse and conversion. */
const OVERLAP_MAX_CHARS = 256 * 1024;

/**
 * Parses one Terraform file (`*.tf`, `*.tfvars` in native syntax, or `*.tf.json` / `*.tfvars.json`) into
 * the AST of `ast.ts`. Never throws for bad syntax: `syntaxErrors` holds HCL's diagnostics and `body`
 * the best tree recovered from the broken file. `filename` is used verbatim in every range.
 */
export async function parseHclFile(filename: string, source: string): Promise<HclFile> {
  if (filename.endsWith('.json')) return parseJsonFile(filename, source);
  const ctx = convertContext(filename, source);
  // HCL's check runs in its worker thread while this thread parses the file with tree-sitter and converts it.
  const check = startHclSyntaxCheck(source, ctx.positions);
  // Awaited below; this only keeps a failure that arrives during the conversion from counting as unhandled.
  if (!Array.isArray(check)) check.catch(() => undefined);
  // A large file waits for the verdict first: HCL's heap for it (150–320 bytes per byte of source) is returned when
  // the worker is replaced after it (hcl-syntax-worker.ts), before the tree and the conversion take their memory.
  const early = Array.isArray(check) ? check : source.length > OVERLAP_MAX_CHARS ? await check : undefined;
  const { tree, input } = await parseTree(source);
  try {
    // A tree with errors waits for HCL's verdict: when HCL finds errors too, the file is recovered by sections instead.
    let syntaxErrors = early ?? (tree.rootNode.hasError ? await check : undefined);
    let converted = syntaxErrors && hasSyntaxError(syntaxErrors) ? undefined : convertFile(ctx, tree, input, syntaxErrors ?? []);
    syntaxErrors ??= await check;
    if (hasSyntaxError(syntaxErrors)) {
      const recoveryCtx = convertContext(filename, source, ctx.positions);
      const recovered = recoverBySections(await terraformParser(), { filename, source }, recoveryCtx);
      if (recovered) {
        return { filename, source, body: recovered.body, syntaxErrors: [...syntaxErrors, ...recoveryCtx.diagnostics], comments: recovered.comments };
      }
    }
    converted ??= convertFile(ctx, tree, input, syntaxErrors);
    return { filename, source, body: converted.body, syntaxErrors: [...syntaxErrors, ...converted.diagnostics], comments: converted.comments };
  } finally {
    tree.delete();
  }
}

function convertContext(filename: string, source: string, positions?: PositionMap): ConvertContext {
  const ctx = new ConvertContext(filename, source, positions);
  ctx.expressionConverter = convertExpressionNode;
  return ctx;
}

function hasSyntaxError(diagnostics: Diagnostic[]): boolean {
  return diagnostics.some((d) => d.code === 'syntax');
}

/** The whole tree converted with `ctx`, given HCL's diagnostics so far (a depth problem it reported is not reported twice). */
function convertFile(ctx: ConvertContext, tree: Tree, input: string, syntaxErrors: Diagnostic[]): Pick<HclFile, 'body' | 'comments'> & { diagnostics: Diagnostic[] } {
  if (syntaxErrors.some((d) => d.code === 'nesting-too-deep')) ctx.suppressDepthDiagnostic();
  const body: Body = { attributes: [], blocks: [], range: ctx.range(0, ctx.source.length) };
  const comments = convertTree(ctx, readSyntaxTree(tree, input), body).map((node) => ({
    text: ctx.source.slice(node.startIndex, node.endIndex),
    line: ctx.positions.pos(node.startIndex).line,
  }));
  return { body, comments, diagnostics: ctx.diagnostics };
}
