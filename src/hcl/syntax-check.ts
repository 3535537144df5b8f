import { formatBytes } from '../core/bytes.ts';
import type { Diagnostic } from '../core/diagnostics.ts';
import { InputError } from '../core/errors.ts';
import { LimitError, limitValue } from '../core/limits.ts';
import { MAX_EXPRESSION_DEPTH } from './convert-context.ts';
import type { PositionMap } from './position-map.ts';
import { parseInWorker, type ParseOutcome } from './hcl-syntax-worker.ts';
import { heredocSpans } from './heredocs.ts';
import { HCL2JSON_FILENAME, syntaxDiagnostics } from './syntax-errors.ts';

/**
 * HCL's syntax verdict from HashiCorp's HCL parser compiled to WebAssembly (assets/hcl-syntax/), guarded so bad
 * input cannot take the process down: HCL's recursive-descent parser overflows the JavaScript stack on
 * very deep nesting, so deeply nested sources are refused before they reach it; a heredoc over the bound is
 * refused too (HCL's time and memory grow fast with one); and the parser runs in a worker thread with a
 * deadline (`hcl-syntax-worker.ts`), so a parse that does not end is really stopped.
 */

/**
 * Milliseconds allowed for one syntax check: the base bound plus 20 ms per KiB. HCL's parser takes about 1.2 s of
 * CPU per MB, and a loaded machine stretches that several times; the deadline is a guard
 * against parses that never end, not a speed target.
 */
function timeLimit(source: string): number {
  return limitValue('parseMs') + Math.ceil(source.length / 1024) * PER_KIB_MS;
}

const PER_KIB_MS = 20;

/**
 * Index where bracket nesting (`{ [ (`, including `${` / `%{`) first exceeds `limit`, or -1. Counts
 * brackets inside strings and comments too, which can only overestimate depth.
 */
export function excessiveNestingIndex(source: string, limit = MAX_EXPRESSION_DEPTH): number {
  let depth = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 0x7b || c === 0x5b || c === 0x28) {
      if (++depth > limit) return i;
    } else if ((c === 0x7d || c === 0x5d || c === 0x29) && depth > 0) depth--;
  }
  return -1;
}

export function nestingDiagnostic(positions: PositionMap, index: number): Diagnostic {
  return {
    severity: 'error',
    summary: 'Nesting too deep',
    detail: `Brackets, braces or blocks are nested more than ${MAX_EXPRESSION_DEPTH} levels deep here, which iacpac does not analyse. Split the expression or block into smaller parts, for example with locals.`,
    range: positions.range(index, index + 1),
    source: 'hcl',
    code: 'nesting-too-deep',
  };
}

/**
 * HCL's verdicts on recently checked sources (its error text, or '' when valid): a configuration is often
 * loaded several times in one process (validate, plan, scan), and the check is the slowest step.
 */
const verdicts = new Map<string, string>();
const MAX_VERDICTS = 512;
/** Total characters of remembered sources (keys), bounded so the cache stays small. */
const MAX_REMEMBERED_CHARS = 16 * 1024 * 1024;
let rememberedChars = 0;

function remember(source: string, verdict: string): void {
  if (source.length > MAX_REMEMBERED_CHARS / 8) return;
  while (verdicts.size > 0 && (verdicts.size >= MAX_VERDICTS || rememberedChars + source.length > MAX_REMEMBERED_CHARS)) {
    const oldest = verdicts.keys().next();
    if (oldest.done) break;
    rememberedChars -= oldest.value.length;
    verdicts.delete(oldest.value);
  }
  verdicts.set(source, verdict);
  rememberedChars += source.length;
}

/**
 * Diagnostics for native-syntax `source` from HCL itself ([] when the syntax is valid). Throws `LimitError` (exit 2)
 * for a heredoc over its bound or a check that does not finish in time, `InputError` when HCL's runtime dies on the file.
 */
export async function hclSyntaxDiagnostics(source: string, positions: PositionMap): Promise<Diagnostic[]> {
  return startHclSyntaxCheck(source, positions);
}

/**
 * `hclSyntaxDiagnostics`, started at once: the verdict itself when it is known without HCL (nesting too deep, a
 * source checked before), else a promise of it, the source being already on its way to the worker thread, so the
 * caller can do other work (parse the file with tree-sitter) while HCL checks it. Throws `LimitError` at once for a
 * heredoc over its bound.
 */
export function startHclSyntaxCheck(source: string, positions: PositionMap): Diagnostic[] | Promise<Diagnostic[]> {
  const parse = startHclParse(source, positions, false);
  return 'then' in parse ? parse.then((result) => result.diagnostics) : parse.diagnostics;
}

/** HCL's diagnostics on a source and, with `model` when it parsed, its AST as the module encodes it (`go-model.ts`). */
export interface HclParse {
  diagnostics: Diagnostic[];
  model?: Uint8Array;
}

/**
 * `startHclSyntaxCheck` that also asks for the parsed file's encoded AST (`model`). The answer has none when it is
 * known without HCL (nesting too deep, a source checked before) or the source does not parse.
 */
export function startHclParse(source: string, positions: PositionMap, model = true): HclParse | Promise<HclParse> {
  const deep = excessiveNestingIndex(source);
  if (deep !== -1) return { diagnostics: [nestingDiagnostic(positions, deep)] };
  const known = verdicts.get(source);
  if (known !== undefined) return { diagnostics: known === '' ? [] : syntaxDiagnostics(known, positions) };
  checkHeredocSizes(source, positions);
  const deadline = timeLimit(source);
  return parseInWorker(HCL2JSON_FILENAME, source, deadline, model).then((outcome) => {
    const diagnostics = outcomeDiagnostics(outcome, source, positions, deadline);
    return outcome.kind === 'ok' && outcome.model ? { diagnostics, model: outcome.model } : { diagnostics };
  });
}

function outcomeDiagnostics(outcome: ParseOutcome, source: string, positions: PositionMap, deadline: number): Diagnostic[] {
  if (outcome.kind === 'timeout') {
    const base = limitValue('parseMs');
    throw new LimitError(positions.filename, `HashiCorp's HCL syntax check of this ${formatBytes(Buffer.byteLength(source))} file did not finish within ${Math.round(deadline / 100) / 10} s`, 'parseMs', {
      bound: `${Math.round(base / 100) / 10} s + ${PER_KIB_MS} ms per KiB`,
    });
  }
  if (outcome.kind === 'crash') {
    const fatal = /fatal error: [^\n]*/.exec(outcome.output)?.[0] ?? outcome.output.trim().split('\n')[0] ?? 'it stopped';
    throw new InputError(`${positions.filename}: HashiCorp's HCL parser failed on this ${formatBytes(Buffer.byteLength(source))} file (${fatal}); split the file into smaller ones`);
  }
  if (outcome.kind === 'ok') {
    remember(source, '');
    return [];
  }
  const message = outcome.message;
  if (/^(Error: )?convert to HCL: /.test(message)) {
    // The source parsed; hcl2json (the checker before assets/hcl-syntax/, which converted the file to JSON) then
    // failed to fold a constant expression (e.g. `-false`), which Terraform reports later. Not a syntax error.
    remember(source, '');
    return [];
  }
  if (!message.includes('parse config')) return [unavailable(`the HCL syntax checker failed (${message.split('\n')[0]})`)];
  remember(source, message);
  return syntaxDiagnostics(message, positions);
}

/** Refuses a heredoc larger than its bound, at the heredoc's position. */
function checkHeredocSizes(source: string, positions: PositionMap): void {
  const max = limitValue('heredocBytes');
  // No heredoc can be over the bound when the whole source is within it (a UTF-16 unit is at most 3 UTF-8 bytes).
  if (source.length * 3 <= max || Buffer.byteLength(source) <= max) return;
  for (const span of heredocSpans(source)) {
    const bytes = Buffer.byteLength(source.slice(span.start, span.end));
    if (bytes <= max) continue;
    const at = positions.pos(span.start);
    throw new LimitError(`${positions.filename}:${at.line}:${at.column}`, `the heredoc <<${span.marker} is ${formatBytes(bytes)}${span.terminated ? '' : ' (it has no closing marker)'}`, 'heredocBytes', { value: max });
  }
}

function unavailable(reason: string): Diagnostic {
  return {
    severity: 'error',
    summary: 'Syntax check unavailable',
    detail: `The syntax of this file was not checked because ${reason}; please report the input that caused it.`,
    source: 'hcl',
    code: 'syntax-check-unavailable',
  };
}
