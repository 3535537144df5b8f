/** Implementations of `iacpac rego eval|check|test` (options: ./index.ts). */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ExitError, InputError, UsageError } from '../../../core/errors.ts';
import { logger } from '../../../core/logger.ts';
import { RegoEngine, RegoCompileErrors, RegoError, parseJSON } from '../../../rego/index.ts';
import { fromJS, toJSONText, type RegoValue } from '../../../rego/value.ts';

interface Loaded {
  modules: Array<{ file: string; text: string }>;
  data: RegoValue[];
}

function walkFiles(path: string, out: string[]): void {
  if (!existsSync(path)) throw new InputError(`${path}: no such file or directory (pass a .rego/.json/.yaml file or a directory)`);
  if (statSync(path).isDirectory()) {
    for (const name of readdirSync(path).sort()) {
      if (name.startsWith('.') || name === 'node_modules') continue;
      walkFiles(join(path, name), out);
    }
  } else out.push(path);
}

function readDocument(file: string): RegoValue {
  const text = readFileSync(file, 'utf8');
  try {
    if (/\.ya?ml$/i.test(file)) return fromJS(parseYaml(text, { intAsBigInt: true }));
    return parseJSON(text);
  } catch (error) {
    const why = error instanceof RangeError ? 'nesting too deep' : (error as Error).message.split('\n')[0];
    throw new InputError(`${file}: not valid ${/\.ya?ml$/i.test(file) ? 'YAML' : 'JSON'}: ${why}`);
  }
}

function load(paths: string[], explicitFiles: boolean): Loaded {
  const loaded: Loaded = { modules: [], data: [] };
  for (const p of paths) {
    const files: string[] = [];
    walkFiles(p, files);
    const isDir = statSync(p).isDirectory();
    for (const f of files) {
      const ext = extname(f).toLowerCase();
      if (ext === '.rego') loaded.modules.push({ file: f, text: readFileSync(f, 'utf8') });
      else if ((ext === '.json' || ext === '.yaml' || ext === '.yml') && (!isDir || /^data\.(json|ya?ml)$/.test(f.split('/').pop()!) || explicitFiles)) {
        // like OPA's loader: a data file inside a directory is mounted at its directory's path (dir/a/b/data.json -> data.a.b)
        const doc = readDocument(f);
        const segments = isDir ? relative(p, f).split(/[\\/]/).slice(0, -1) : [];
        loaded.data.push(segments.reduceRight<RegoValue>((inner, key) => fromJS({ [key]: inner }), doc));
      }
    }
  }
  return loaded;
}

function engineFor(loaded: Loaded, options: { v0Compatible?: boolean; strictBuiltinErrors?: boolean; timeoutMs?: number; print?: (l: string) => void }): RegoEngine {
  const engine = new RegoEngine({
    v0Compatible: options.v0Compatible ?? false,
    strictBuiltinErrors: options.strictBuiltinErrors ?? false,
    limits: { timeoutMs: options.timeoutMs ?? 30_000 },
    print: options.print ?? ((line) => logger.err(line)),
    runtime: { env: { ...process.env }, version: 'iacpac' },
  });
  for (const m of loaded.modules) engine.addModule(m.file, m.text);
  for (const d of loaded.data) engine.addData(d);
  return engine;
}

function regoErrors(error: unknown): string[] | undefined {
  if (error instanceof RegoCompileErrors) return error.errors.map((e) => e.message);
  if (error instanceof RegoError) return [error.message];
  return undefined;
}

/** Options of `iacpac rego eval`, as commander parses them. */
export interface RegoEvalOptions {
  data: string[];
  input?: string;
  dataFile: string[];
  format: string;
  v0Compatible?: boolean;
  strictBuiltinErrors?: boolean;
  timeout: string;
  fail?: boolean;
  failDefined?: boolean;
}

export async function regoEval(query: string, options: RegoEvalOptions): Promise<void> {
  if (options.fail && options.failDefined) throw new UsageError('--fail and --fail-defined are mutually exclusive');
  if (options.format !== 'json' && options.format !== 'pretty') throw new UsageError(`--format must be json or pretty, got ${options.format}`);
  const timeoutMs = Number(options.timeout);
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new UsageError(`--timeout must be a positive number of milliseconds, got ${options.timeout}`);
  const loaded = load(options.data, true);
  for (const f of options.dataFile) loaded.data.push(readDocument(f));
  const input = options.input ? readDocument(options.input) : undefined;
  let failed = false;
  try {
    const engine = engineFor(loaded, { ...options, timeoutMs });
    const results = engine.prepare(query).eval(input === undefined ? {} : { inputValue: input });
    const out = results.map((r) => (Object.keys(r.bindings).length ? r : { expressions: r.expressions }));
    if (options.format === 'json') logger.out(jsonText(out.length ? { result: out } : {}));
    else if (out.length === 0) logger.out('undefined');
    else if (out.length === 1 && out[0]!.expressions.length === 1 && !('bindings' in out[0]!)) logger.out(toJSONText(fromJS(out[0]!.expressions[0]!.value), 2));
    else logger.out(toJSONText(fromJS(out), 2));
    if ((options.fail && out.length === 0) || (options.failDefined && out.length > 0)) failed = true;
  } catch (error) {
    const messages = regoErrors(error);
    if (!messages) throw error;
    if (options.format === 'json') {
      // OPA's shape: {"errors": [{"message", "code", "location": {"file", "row", "col"}}]}
      const list = error instanceof RegoCompileErrors ? error.errors : [error as RegoError];
      const errors = list.map((e) => ({
        message: e.detail,
        code: e.code,
        ...(e.location ? { location: { file: e.location.file, row: e.location.row, col: e.location.col } } : {}),
      }));
      logger.out(jsonText({ errors }));
    } else for (const m of messages) logger.err(m);
    throw new ExitError(1);
  }
  if (failed) throw new ExitError(1);
}

/** JSON with OPA's key order (value, text, location) and exact big integers. */
function jsonText(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? `__bigint__${x.toString()}` : x), 2).replace(/"__bigint__(-?\d+)"/g, '$1');
}

export async function regoCheck(paths: string[], options: { v0Compatible?: boolean; format?: string }): Promise<void> {
  if (options.format && options.format !== 'pretty' && options.format !== 'json') throw new UsageError(`--format must be pretty or json, got ${options.format}`);
  const files: string[] = [];
  for (const p of paths) walkFiles(p, files);
  const regoFiles = files.filter((f) => f.endsWith('.rego'));
  if (regoFiles.length === 0) throw new InputError(`no .rego files found in ${paths.join(', ')}`);
  const engine = new RegoEngine({ v0Compatible: options.v0Compatible ?? false });
  const errors: string[] = [];
  const records: RegoError[] = [];
  const collect = (error: unknown): void => {
    const m = regoErrors(error);
    if (!m) throw error;
    errors.push(...m);
    records.push(...(error instanceof RegoCompileErrors ? error.errors : [error as RegoError]));
  };
  for (const f of regoFiles) {
    try {
      engine.addModule(f, readFileSync(f, 'utf8'));
    } catch (error) {
      collect(error);
    }
  }
  if (errors.length === 0) {
    try {
      engine.compile();
    } catch (error) {
      collect(error);
    }
  }
  if (options.format === 'json') {
    const list = records.map((e) => ({ message: e.detail, code: e.code, ...(e.location ? { location: { file: e.location.file, row: e.location.row, col: e.location.col } } : {}) }));
    logger.out(jsonText(list.length ? { errors: list } : {}));
    if (list.length) throw new ExitError(1);
    return;
  }
  if (errors.length) {
    for (const e of errors) logger.err(e);
    logger.err(`${errors.length} error${errors.length === 1 ? '' : 's'} occurred`);
    throw new ExitError(1);
  }
  logger.out(`${regoFiles.length} module${regoFiles.length === 1 ? '' : 's'} OK`);
}

export async function regoTest(paths: string[], options: { v0Compatible?: boolean; verbose?: boolean; run?: string }): Promise<void> {
  const loaded = load(paths, false);
  if (loaded.modules.length === 0) throw new InputError(`no .rego files found in ${paths.join(', ')}`);
  let filter: RegExp | undefined;
  if (options.run) {
    try {
      filter = new RegExp(options.run);
    } catch {
      throw new UsageError(`--run: invalid regular expression ${options.run}`);
    }
  }
  const printed: string[] = [];
  let engine: RegoEngine;
  try {
    engine = engineFor(loaded, { v0Compatible: options.v0Compatible ?? false, print: (l) => printed.push(l) });
    engine.compile();
  } catch (error) {
    const m = regoErrors(error);
    if (!m) throw error;
    for (const e of m) logger.err(e);
    throw new ExitError(1);
  }
  const tests = engine
    .listRules()
    .filter((r) => r.kind !== 'function' && /(^|\.)test_[^.]*$/.test(r.path) && (!filter || filter.test(r.path)))
    .filter((r, i, all) => all.findIndex((x) => x.path === r.path) === i);
  let passed = 0;
  let failed = 0;
  let errored = 0;
  let currentFile = '';
  for (const t of tests) {
    if (t.file !== currentFile) {
      currentFile = t.file;
      logger.out(`${relative(process.cwd(), t.file) || t.file}:`);
    }
    printed.length = 0;
    const t0 = performance.now();
    let status: 'PASS' | 'FAIL' | 'ERROR';
    let detail = '';
    try {
      const v = engine.evalRule(t.path);
      status = v !== undefined && v !== false ? 'PASS' : 'FAIL';
    } catch (error) {
      status = 'ERROR';
      detail = (regoErrors(error) ?? [(error as Error).message]).join('; ');
    }
    const ms = (performance.now() - t0).toFixed(1);
    const name = t.path;
    logger.out(`${name}: ${status} (${ms}ms)${detail ? `\n  ${detail}` : ''}`);
    if ((options.verbose || status !== 'PASS') && printed.length) for (const l of printed) logger.out(`  ${l}`);
    if (status === 'PASS') passed++;
    else if (status === 'FAIL') failed++;
    else errored++;
  }
  logger.out('-'.repeat(80));
  const total = tests.length;
  logger.out(`PASS: ${passed}/${total}`);
  if (failed) logger.out(`FAIL: ${failed}/${total}`);
  if (errored) logger.out(`ERROR: ${errored}/${total}`);
  if (failed || errored) throw new ExitError(1);
}
