import { RegoEngine } from '../rego/index.ts';
import { RegoObject, RegoSet, toJS, type RegoValue } from '../rego/value.ts';

/** The slice of the Rego engine the scanner uses: compile modules once, query many inputs. */
export interface RegoBackend {
  /** Evaluates `query` against `input`; returns the JS value of the first result, or undefined. Throws on errors. */
  query(query: string, input: unknown): unknown;
}

/** Compiles the modules into one embedded engine. Compile errors (a broken policy) throw with file:line:col. */
export function createRegoBackend(modules: Array<{ file: string; source: string }>): RegoBackend {
  const engine = new RegoEngine();
  for (const module of modules) engine.addModule(module.file, module.source);
  const prepared = new Map<string, ReturnType<RegoEngine['prepare']>>();
  return {
    query(query, input) {
      let q = prepared.get(query);
      if (!q) {
        q = engine.prepare(query);
        prepared.set(query, q);
      }
      const results = q.eval({ input });
      const value = results[0]?.expressions[0]?.value as unknown;
      return value instanceof RegoSet || value instanceof RegoObject ? toJS(value as RegoValue) : value;
    },
  };
}
