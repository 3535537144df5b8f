/** The engine the rego commands share: modules and data from the loader, capabilities, strict mode. */
import { readFileSync } from 'node:fs';
import { InputError } from '../../../core/errors.ts';
import { logger } from '../../../core/logger.ts';
import { RegoCompileErrors, RegoEngine, RegoError, type Capabilities } from '../../../rego/index.ts';
import { refString } from '../../../rego/syntax/ref-string.ts';
import { underRoots, type Loaded } from './load.ts';

export interface EngineFlags {
  v0Compatible?: boolean;
  strict?: boolean;
  strictBuiltinErrors?: boolean;
  capabilities?: string;
  timeoutMs?: number;
  print?: (line: string) => void;
}

/** An OPA capabilities file (`opa capabilities --current > caps.json`). */
export function readCapabilities(path: string): Capabilities {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new InputError(`--capabilities ${path}: no such file (pass an OPA capabilities JSON file, e.g. from opa capabilities --current)`);
  }
  try {
    const caps = JSON.parse(text) as Capabilities;
    if (!Array.isArray(caps.builtins)) throw new Error('no "builtins" array');
    return caps;
  } catch (error) {
    throw new InputError(`--capabilities ${path}: not an OPA capabilities document: ${(error as Error).message}`);
  }
}

/** Every Rego error of a thrown error (parse, compile, evaluation), or undefined for other errors. */
export function regoErrorsOf(error: unknown): RegoError[] | undefined {
  if (error instanceof RegoCompileErrors) return [...error.errors];
  if (error instanceof RegoError) return [error];
  return undefined;
}

/**
 * An engine with the loaded modules and data. Parse errors and modules outside their bundle's roots are collected
 * (every one, as OPA reports them) and thrown together as RegoCompileErrors.
 */
export function createEngine(loaded: Loaded, flags: EngineFlags): RegoEngine {
  const engine = new RegoEngine({
    v0Compatible: flags.v0Compatible ?? false,
    strict: flags.strict ?? false,
    strictBuiltinErrors: flags.strictBuiltinErrors ?? false,
    limits: { timeoutMs: flags.timeoutMs ?? 30_000 },
    print: flags.print ?? ((line) => logger.err(line)),
    runtime: { env: { ...process.env }, version: 'iacpac' },
    ...(flags.capabilities ? { capabilities: readCapabilities(flags.capabilities) } : {}),
  });
  const errors: RegoError[] = [];
  for (const m of loaded.modules) {
    try {
      const module = engine.addModule(m.file, m.text, m.v0 === undefined ? {} : { v0: m.v0 });
      if (m.roots && !underRoots(module.package.path.join('/'), m.roots))
        errors.push(new RegoError('rego_compile_error', `package ${refString(['data', ...module.package.path])} is outside the bundle roots ${JSON.stringify(m.roots)}`, module.package.loc));
    } catch (error) {
      const list = regoErrorsOf(error);
      if (!list) throw error;
      errors.push(...list);
    }
  }
  if (errors.length) throw new RegoCompileErrors(errors);
  for (const d of loaded.data) engine.addData(d);
  return engine;
}

/** Errors as `opa check`/`opa test` print them: `1 error occurred: ...` or `N errors occurred:` then one per line. */
export function errorsText(errors: readonly RegoError[]): string {
  if (errors.length === 1) return `1 error occurred: ${errors[0]!.message}`;
  return [`${errors.length} errors occurred:`, ...errors.map((e) => e.message)].join('\n');
}

/** OPA's JSON error shape: `{message, code, location: {file, row, col}}`. */
export function errorJson(e: RegoError): Record<string, unknown> {
  return { message: e.detail, code: e.code, ...(e.location ? { location: { file: e.location.file, row: e.location.row, col: e.location.col } } : {}) };
}

/** JSON with exact big integers. */
export function jsonText(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? `__bigint__${x.toString()}` : x), 2).replace(/"__bigint__(-?\d+)"/g, '$1');
}
