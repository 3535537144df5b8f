import { InputError } from '../core/errors.ts';
import { RegoCompileErrors, RegoEngine, RegoError, type PreparedQuery } from '../rego/index.ts';
import { fromJS, toJS, type RegoValue } from '../rego/value.ts';

/** The slice of the Rego engine the scanner uses: compile modules once, query many inputs. */
export interface RegoBackend {
  /** Converts a JSON input once so several queries can share it. */
  toInput(input: unknown): RegoValue;
  /** Evaluates `query` against an input; returns the JS value of the first result, or undefined. Throws on errors. */
  query(query: string, input: RegoValue): unknown;
}

/** Compiles the modules into one embedded engine. Compile errors (a broken policy) throw with file:line:col. */
export function createRegoBackend(modules: Array<{ file: string; source: string }>): RegoBackend {
  // A runaway (user) policy ends with an error finding instead of stalling the scan.
  const engine = new RegoEngine({ limits: { timeoutMs: 10_000, maxSteps: 20_000_000 } });
  try {
    for (const module of modules) engine.addModule(module.file, module.source);
    engine.compile();
  } catch (error) {
    const errors = error instanceof RegoCompileErrors ? error.errors : error instanceof RegoError ? [error] : undefined;
    if (!errors?.length) throw error;
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
    throw new InputError(`${(errors[0] as RegoError).message}${more}; fix the policy or leave its directory out of --policy-dir`);
  }
  const prepared = new Map<string, PreparedQuery>();
  return {
    toInput: (input) => fromJS(input),
    query(query, input) {
      let q = prepared.get(query);
      if (!q) {
        q = engine.prepare(query);
        prepared.set(query, q);
      }
      const value = q.evalValue({ inputValue: input });
      return value === undefined ? undefined : toJS(value);
    },
  };
}
