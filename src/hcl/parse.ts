import type { Tree } from 'web-tree-sitter';
import type { Diagnostic } from '../core/diagnostics.ts';
import type { Body, HclFile } from './ast.ts';
import { convertTree } from './convert-body.ts';
import { ConvertContext } from './convert-context.ts';
import { convertExpressionNode } from './convert-expression.ts';
import { parseJsonFile } from './json-syntax.ts';
import type { PositionMap } from './position-map.ts';
import { decodeGoModel, FALLBACK_REASONS, goModelStatus } from './go-model.ts';
import { hclSyntaxDiagnostics, startHclParse, startHclSyntaxCheck } from './syntax-check.ts';
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

/** A lone surrogate, which the UTF-8 the module reads cannot hold (its byte offsets would not map back). */
const LONE_SURROGATE = /\p{Cs}/u;

/** Files whose AST was decoded from HCL's parse, and those converted from tree-sitter instead, by reason. */
const goModelCounts = { decoded: 0, fallbacks: {} as Record<string, number> };

/** How many files took each path so far in this process (`decoded`: HCL's AST; `fallbacks`: tree-sitter, by reason). */
export function goModelUse(): { decoded: number; fallbacks: Record<string, number> } {
  return { decoded: goModelCounts.decoded, fallbacks: { ...goModelCounts.fallbacks } };
}

/**
 * Parses one Terraform file (`*.tf`, `*.tfvars` in native syntax, or `*.tf.json` / `*.tfvars.json`) into
 * the AST of `ast.ts`. Never throws for bad syntax: `syntaxErrors` holds HCL's diagnostics and `body`
 * the best tree recovered from the broken file. `filename` is used verbatim in every range.
 *
 * A file HashiCorp's parser accepts is parsed once, by it: its worker returns the parsed AST encoded
 * (`go-model.ts`). tree-sitter parses the files it rejects (to recover what it can and place the errors), those whose
 * verdict is known without it (checked before in this process), and the few the module does not encode.
 */
export async function parseHclFile(filename: string, source: string): Promise<HclFile> {
  if (filename.endsWith('.json')) return parseJsonFile(filename, source);
  const ctx = convertContext(filename, source);
  if (LONE_SURROGATE.test(source)) return parseWithTreeSitter(ctx, startHclSyntaxCheck(source, ctx.positions));
  const parse = startHclParse(source, ctx.positions);
  if (!('then' in parse)) return parseWithTreeSitter(ctx, parse.diagnostics);
  const { diagnostics, model } = await parse;
  if (model) {
    const status = goModelStatus(model);
    if (status === 0) {
      goModelCounts.decoded++;
      const { body, comments } = decodeGoModel(ctx, model);
      return { filename, source, body, syntaxErrors: diagnostics, comments };
    }
    const reason = FALLBACK_REASONS[status] ?? `status ${status}`;
    goModelCounts.fallbacks[reason] = (goModelCounts.fallbacks[reason] ?? 0) + 1;
  }
  return parseWithTreeSitter(ctx, diagnostics);
}

/** `parseHclFile` through tree-sitter whatever HCL's verdict (the equivalence test of `go-model.ts`). */
export async function parseHclFileWithTreeSitter(filename: string, source: string): Promise<HclFile> {
  const ctx = convertContext(filename, source);
  return parseWithTreeSitter(ctx, startHclSyntaxCheck(source, ctx.positions));
}

/** The file of `ctx` parsed by tree-sitter and converted, given HCL's diagnostics (or the check that gives them). */
async function parseWithTreeSitter(ctx: ConvertContext, check: Diagnostic[] | Promise<Diagnostic[]>): Promise<HclFile> {
  const { filename, source } = { filename: ctx.positions.filename, source: ctx.source };
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
