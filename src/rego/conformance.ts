/**
 * Runs OPA's YAML conformance cases (format: ../shared/data/opa-conformance/CASES.md) on the embedded engine.
 * Honours note, query, modules, data, input, input_term, want_result (unordered rows), sort_bindings,
 * want_error (substring), want_error_code, strict_error, ignore_generated_vars; cases that need the network
 * builtins are skipped.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { RegoEngine, RegoCompileErrors, RegoError } from './index.ts';
import { compare, fromJS, toJS, valueKey, type RegoValue } from './value.ts';

export interface ConformanceCase {
  note: string;
  query: string;
  modules?: string[];
  data?: unknown;
  input?: unknown;
  input_term?: string;
  want_result?: Array<Record<string, unknown>>;
  sort_bindings?: boolean;
  want_error?: string;
  want_error_code?: string;
  strict_error?: boolean;
  env?: Record<string, string>;
  /** iacpac extension (not in OPA's suite): parse the modules as Rego v0. */
  v0_compatible?: boolean;
}

export interface CaseResult {
  folder: string;
  file: string;
  note: string;
  status: 'pass' | 'fail' | 'skip';
  reason?: string;
  ms: number;
}

const NETWORK = /\bhttp\.send\b|\bnet\.lookup_ip_addr\b/;

export function listCaseFiles(dir: string): string[] {
  const out: string[] = [];
  const visit = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) visit(p);
      else if (/\.ya?ml$/.test(name)) out.push(p);
    }
  };
  visit(dir);
  return out;
}

export function loadCases(file: string): ConformanceCase[] {
  const doc = parseYaml(readFileSync(file, 'utf8'), { intAsBigInt: true }) as { cases?: ConformanceCase[] };
  return doc?.cases ?? [];
}

function describe(error: unknown): { code: string; message: string } {
  if (error instanceof RegoCompileErrors) return { code: error.errors[0]?.code ?? '', message: error.message };
  if (error instanceof RegoError) return { code: error.code, message: error.message };
  return { code: '', message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
}

function evalInputTerm(text: string): RegoValue {
  const e = new RegoEngine();
  const rows = e.prepare(`input_term_value = ${text}`).evalBindings();
  const v = rows[0]?.get('input_term_value');
  if (v === undefined) throw new Error('input_term is undefined');
  return v;
}

/** JSON round trip as OPA's ast.JSON: sets -> sorted arrays, non-string keys -> strings. */
function normalise(v: RegoValue, sortArrays: boolean): RegoValue {
  const j = fromJS(toJS(v));
  if (sortArrays && Array.isArray(j)) return [...j].sort(compare);
  return j;
}

export interface RunOptions {
  timeoutMs?: number;
  /** Run cases that use http.send / net.lookup_ip_addr with the network builtins enabled (default: skip them). */
  allowNetwork?: boolean;
}

export function runCase(c: ConformanceCase, options: RunOptions = {}): { status: 'pass' | 'fail' | 'skip'; reason?: string } {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const modules = c.modules ?? [];
  // a case needs the network when it uses a network builtin without mocking it (`with http.send as ...`)
  const texts = [...modules, c.query];
  const mocked = texts.some((t) => /with\s+(http\.send|net\.lookup_ip_addr)\s+as/.test(t));
  const network = !mocked && texts.some((t) => NETWORK.test(t));
  if (network && !options.allowNetwork) return { status: 'skip', reason: 'needs network builtins' };
  const wantsError = c.want_error !== undefined || c.want_error_code !== undefined;
  let rows: Array<Map<string, RegoValue>>;
  try {
    const engine = new RegoEngine({
      strictBuiltinErrors: c.strict_error === true,
      v0Compatible: c.v0_compatible === true,
      limits: { timeoutMs },
      allowNetwork: network && options.allowNetwork === true,
      // opa.runtime().env sees the case's `env` (OPA's runner sets these environment variables)
      ...(c.env ? { runtime: { env: c.env } } : {}),
    });
    modules.forEach((m, i) => engine.addModule(`test-${i}.rego`, m));
    if (c.data !== undefined) engine.addData(fromJS(c.data));
    const inputValue = c.input_term !== undefined ? evalInputTerm(c.input_term) : c.input !== undefined ? fromJS(c.input) : undefined;
    const q = engine.prepare(c.query);
    rows = q.evalBindings(inputValue === undefined ? {} : { inputValue });
  } catch (error) {
    const { code, message } = describe(error);
    if (!wantsError) return { status: 'fail', reason: `unexpected error: ${message}` };
    if (c.want_error_code !== undefined && code !== c.want_error_code)
      return { status: 'fail', reason: `want error code ${c.want_error_code}, got ${code || 'none'}: ${message}` };
    if (c.want_error !== undefined && !message.includes(c.want_error))
      return { status: 'fail', reason: `want error containing "${c.want_error}", got: ${message}` };
    return { status: 'pass' };
  }
  if (wantsError && c.want_result === undefined) return { status: 'fail', reason: `want error ${c.want_error_code ?? ''} ${c.want_error ?? ''}, got ${rows.length} result(s)` };
  if (c.want_result === undefined) return { status: 'fail', reason: 'invalid case: no want_result or want_error' };
  const actual = new Set<string>();
  const actualText: string[] = [];
  for (const row of rows) {
    const obj: Record<string, RegoValue> = {};
    for (const [k, v] of row) if (!k.startsWith('__local') && !k.startsWith('$')) obj[k] = normalise(v, c.sort_bindings === true);
    const key = valueKey(fromJS(obj));
    actual.add(key);
    actualText.push(JSON.stringify(toJS(fromJS(obj)), (_k, x) => (typeof x === 'bigint' ? x.toString() : x)));
  }
  const expected = new Set(c.want_result.map((r) => valueKey(fromJS(r))));
  const same = actual.size === expected.size && [...expected].every((k) => actual.has(k));
  if (same) return { status: 'pass' };
  return {
    status: 'fail',
    reason: `want ${JSON.stringify(c.want_result, (_k, x) => (typeof x === 'bigint' ? x.toString() : x))}, got [${actualText.join(',')}]`,
  };
}

export function runConformance(dir: string, filter?: (folder: string) => boolean, options: RunOptions = {}): CaseResult[] {
  const results: CaseResult[] = [];
  for (const file of listCaseFiles(dir)) {
    const folder = relative(dir, dirname(file)) || basename(dirname(file));
    if (filter && !filter(folder)) continue;
    let cases: ConformanceCase[];
    try {
      cases = loadCases(file);
    } catch (error) {
      results.push({ folder, file, note: basename(file), status: 'fail', reason: `cannot load: ${(error as Error).message}`, ms: 0 });
      continue;
    }
    for (const c of cases) {
      const t0 = performance.now();
      let r: { status: 'pass' | 'fail' | 'skip'; reason?: string };
      try {
        r = runCase(c, options);
      } catch (error) {
        r = { status: 'fail', reason: `runner crash: ${(error as Error).message}` };
      }
      results.push({ folder, file, note: c.note, status: r.status, ...(r.reason ? { reason: r.reason } : {}), ms: performance.now() - t0 });
    }
  }
  return results;
}

export function summarize(results: CaseResult[]): { table: string; byFolder: Map<string, { pass: number; fail: number; skip: number }>; line: string } {
  const byFolder = new Map<string, { pass: number; fail: number; skip: number }>();
  for (const r of results) {
    const f = byFolder.get(r.folder) ?? { pass: 0, fail: 0, skip: 0 };
    f[r.status]++;
    byFolder.set(r.folder, f);
  }
  const lines = ['folder                                    pass  fail  skip'];
  for (const [folder, f] of [...byFolder].sort((a, b) => a[0].localeCompare(b[0])))
    lines.push(`${folder.padEnd(40)} ${String(f.pass).padStart(5)} ${String(f.fail).padStart(5)} ${String(f.skip).padStart(5)}`);
  const pass = results.filter((r) => r.status === 'pass').length;
  const fail = results.filter((r) => r.status === 'fail').length;
  const skip = results.filter((r) => r.status === 'skip').length;
  return { table: lines.join('\n'), byFolder, line: `${pass} passed, ${fail} failed, ${skip} skipped` };
}
