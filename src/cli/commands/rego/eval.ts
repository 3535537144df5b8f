/** `iacpac rego eval`: evaluate a query, output shaped like `opa eval`. */
import { ExitError, UsageError } from '../../../core/errors.ts';
import { logger } from '../../../core/logger.ts';
import { fromJS, toJSONText } from '../../../rego/value.ts';
import { filterTrace, prettyTrace, RecordingTracer, type ExplainMode } from '../../../rego/trace-text.ts';
import { createEngine, errorJson, jsonText, regoErrorsOf } from './engine.ts';
import { load, readDocument } from './load.ts';

/** Options of `iacpac rego eval`, as commander parses them. */
export interface RegoEvalOptions {
  data: string[];
  input?: string;
  dataFile: string[];
  format: string;
  v0Compatible?: boolean;
  strictBuiltinErrors?: boolean;
  strict?: boolean;
  capabilities?: string;
  ignore: string[];
  bundle: string[];
  explain?: string;
  timeout: string;
  fail?: boolean;
  failDefined?: boolean;
}

export function explainMode(value: string | undefined): ExplainMode | undefined {
  if (value === undefined) return undefined;
  if (value === 'fails' || value === 'full' || value === 'notes') return value;
  throw new UsageError(`--explain must be fails, full or notes, got ${value}`);
}

export async function regoEval(query: string, options: RegoEvalOptions): Promise<void> {
  if (options.fail && options.failDefined) throw new UsageError('--fail and --fail-defined are mutually exclusive');
  if (options.format !== 'json' && options.format !== 'pretty') throw new UsageError(`--format must be json or pretty, got ${options.format}`);
  const timeoutMs = Number(options.timeout);
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new UsageError(`--timeout must be a positive number of milliseconds, got ${options.timeout}`);
  const explain = explainMode(options.explain);
  const ignore = options.ignore ?? [];
  const loaded = load(options.data, { ignore });
  for (const b of options.bundle ?? []) {
    const bundle = load([b], { ignore, bundle: true });
    loaded.modules.push(...bundle.modules);
    loaded.data.push(...bundle.data);
  }
  for (const f of options.dataFile) loaded.data.push(readDocument(f));
  const input = options.input ? readDocument(options.input) : undefined;
  const tracer = explain ? new RecordingTracer() : undefined;
  let failed = false;
  try {
    const engine = createEngine(loaded, { ...options, timeoutMs });
    const results = engine.prepare(query).eval({ ...(input === undefined ? {} : { inputValue: input }), ...(tracer ? { tracer } : {}) });
    const out = results.map((r) => (Object.keys(r.bindings).length ? r : { expressions: r.expressions }));
    if (tracer) for (const line of prettyTrace(filterTrace(tracer.events, explain!))) logger.err(line);
    if (options.format === 'json') logger.out(jsonText(out.length ? { result: out } : {}));
    else if (out.length === 0) logger.out('undefined');
    else if (out.length === 1 && out[0]!.expressions.length === 1 && !('bindings' in out[0]!)) logger.out(toJSONText(fromJS(out[0]!.expressions[0]!.value), 2));
    else logger.out(toJSONText(fromJS(out), 2));
    if ((options.fail && out.length === 0) || (options.failDefined && out.length > 0)) failed = true;
  } catch (error) {
    const errors = regoErrorsOf(error);
    if (!errors) throw error;
    if (tracer) for (const line of prettyTrace(filterTrace(tracer.events, explain!))) logger.err(line);
    if (options.format === 'json') logger.out(jsonText({ errors: errors.map(errorJson) }));
    else for (const e of errors) logger.err(e.message);
    throw new ExitError(1);
  }
  if (failed) throw new ExitError(1);
}
