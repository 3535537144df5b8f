import type { Diagnostic } from '../core/diagnostics.ts';
import { MAX_EXPRESSION_DEPTH } from './convert-context.ts';
import type { PositionMap } from './position-map.ts';
import { HCL2JSON_FILENAME, syntaxDiagnostics } from './syntax-errors.ts';

/**
 * HCL's syntax verdict via @cdktf/hcl2json (HashiCorp's HCL compiled to WebAssembly), guarded so bad
 * input cannot take the process down: HCL's recursive-descent parser overflows the JavaScript stack on
 * very deep nesting and then leaves the Go runtime broken, so deeply nested sources are refused before
 * they reach it, and each call is bounded in time.
 */

type Hcl2Json = typeof import('@cdktf/hcl2json');
let hcl2jsonPromise: Promise<Hcl2Json> | undefined;
let brokenReason: string | undefined;

function hcl2json(): Promise<Hcl2Json> {
  hcl2jsonPromise ??= import('@cdktf/hcl2json');
  return hcl2jsonPromise;
}

/** Milliseconds allowed for one syntax check: generous for the size (HCL parses about 1 MB/s here). */
function timeLimit(source: string): number {
  return 20_000 + Math.ceil(source.length / 1024) * 10;
}

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

/** Diagnostics for native-syntax `source` from HCL itself ([] when the syntax is valid). */
export async function hclSyntaxDiagnostics(source: string, positions: PositionMap): Promise<Diagnostic[]> {
  const deep = excessiveNestingIndex(source);
  if (deep !== -1) return [nestingDiagnostic(positions, deep)];
  const known = verdicts.get(source);
  if (known !== undefined) return known === '' ? [] : syntaxDiagnostics(known, positions);
  if (brokenReason) return [unavailable(brokenReason)];
  const { parse } = await hcl2json();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeLimit(source));
    timer.unref();
  });
  try {
    const result = await Promise.race([parse(HCL2JSON_FILENAME, source).then(() => 'ok' as const), timeout]);
    if (result === 'timeout') {
      brokenReason = `the HCL syntax check of a ${Math.round(source.length / 1024)} KiB file did not finish in time`;
      return [unavailable(brokenReason)];
    }
    remember(source, '');
    return [];
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/^(Error: )?convert to HCL: /.test(message)) {
      // The source parsed; hcl2json then failed to fold a constant expression (e.g. `-false`), which
      // Terraform reports later, during evaluation. Not a syntax error.
      remember(source, '');
      return [];
    }
    if (error instanceof RangeError || !message.includes('parse config')) {
      brokenReason = `the HCL syntax checker failed (${message.split('\n')[0]})`;
      return [unavailable(brokenReason)];
    }
    remember(source, message);
    return syntaxDiagnostics(message, positions);
  } finally {
    clearTimeout(timer);
  }
}

function unavailable(reason: string): Diagnostic {
  return {
    severity: 'error',
    summary: 'Syntax check unavailable',
    detail: `The syntax of this file was not checked because ${reason}; restart iacpac, and report the input that caused it.`,
    source: 'hcl',
    code: 'syntax-check-unavailable',
  };
}
