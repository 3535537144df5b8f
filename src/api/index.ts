import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Analysis, analyze, type AnalyzeOptions, type LoadedConfiguration } from '../analysis/analyze.ts';
import { scannerFor } from '../analysis/analyze-root.ts';
import { runInputs } from '../analysis/run-inputs.ts';
import type { Diagnostic, ValidateResult } from '../core/diagnostics.ts';
import { UsageError } from '../core/errors.ts';
import { docUrl, packageVersion } from '../core/package-root.ts';
import { parseSeverities, type Severity } from '../core/severity.ts';
import type { PlanJson } from '../plan/plan-json.ts';
import { RegoEngine, type RegoEngineOptions } from '../rego/index.ts';
import type { ScanResult } from '../scan/finding.ts';
import { renderJson, renderJsonl } from '../scan/outputs/json.ts';
import { renderJunit } from '../scan/outputs/junit.ts';
import { renderSarif } from '../scan/outputs/sarif.ts';
import { renderCheckText } from '../scan/outputs/text.ts';
import { policyAnchor } from '../scan/policy-docs.ts';
import type { ScanOptions } from '../scan/scanner.ts';
import { loadSchemas } from '../schema/bundled.ts';

/**
 * What the library functions analyse: a Terraform directory (its path), a configuration already loaded by
 * {@link analyze} (an `Analysis`), or `{ dir, configuration }` from `loadConfiguration`.
 */
export type ConfigurationSource = string | Analysis | LoadedConfiguration;

/** Options shared by the functions that load a configuration. */
export interface LoadSourceOptions {
  /** Input variables as on the command line: `name=value` (HCL for non-string types). */
  vars?: string[];
  /** `.tfvars` / `.tfvars.json` files. */
  varFiles?: string[];
  /** Extra provider schema files (`terraform providers schema -json` output) beside the bundled ones. */
  schemaFiles?: string[];
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object without dir and configuration' : `${typeof value} ${JSON.stringify(value)}`;
}

/** The analysis of `source`, or a UsageError that says what was expected. */
async function toAnalysis(source: ConfigurationSource, fn: string, options: LoadSourceOptions = {}): Promise<Analysis> {
  if (source instanceof Analysis) return source;
  const analyzeOptions: AnalyzeOptions = {
    vars: options.vars ?? [],
    varFiles: options.varFiles ?? [],
    ...(options.schemaFiles?.length ? { schemas: loadSchemas(options.schemaFiles) } : {}),
  };
  if (typeof source === 'string') return analyze(source, analyzeOptions);
  if (source && typeof source === 'object' && typeof source.dir === 'string' && source.configuration && typeof source.configuration === 'object') {
    return analyze(source, analyzeOptions);
  }
  throw new UsageError(`${fn}: expected a Terraform directory path, an Analysis from analyze(), or { dir, configuration } from loadConfiguration(); got ${describe(source)}`);
}

/**
 * What `terraform validate -json` reports for a configuration, offline (the embedded validator).
 *
 *   const result = await validate('infra');   // { valid, error_count, warning_count, diagnostics }
 */
export async function validate(source: ConfigurationSource, options: LoadSourceOptions = {}): Promise<ValidateResult> {
  return (await toAnalysis(source, 'validate', options)).validation;
}

export interface PlanResult {
  /** The plan in `terraform show -json` shape; undefined when errors stop planning. */
  plan: PlanJson | undefined;
  diagnostics: Diagnostic[];
}

/**
 * The plan Terraform would make against an empty state, synthesised statically (no provider, no credentials).
 *
 *   const { plan, diagnostics } = await plan('infra', { vars: ['env=prod'] });
 */
export async function plan(source: ConfigurationSource, options: LoadSourceOptions = {}): Promise<PlanResult> {
  const analysis = await toAnalysis(source, 'plan', options);
  const loadErrors = analysis.configuration.diagnostics.filter((d) => d.severity === 'error');
  if (loadErrors.length > 0) return { plan: undefined, diagnostics: loadErrors };
  const result = analysis.plan;
  return { plan: result.diagnostics.some((d) => d.severity === 'error') ? undefined : result.plan, diagnostics: result.diagnostics };
}

/** Options of {@link scan} and {@link check}. */
export interface ScanApiOptions extends LoadSourceOptions {
  /** A level (`'high'`: that level and above) or a list (`'CRITICAL,HIGH'`, any case); default: every level. */
  severity?: string;
  /** Only these policies: our ids, Checkov ids or globs. An id that names no policy is a UsageError. */
  policies?: string[];
  skipPolicies?: string[];
  /** Directories (or files) of your own Rego policies, run beside the library. */
  policyDirs?: string[];
  /** Leave the bundled library out (only `policyDirs`). */
  noLibrary?: boolean;
}

function scanOptions(options: ScanApiOptions): ScanOptions {
  let severities: Severity[] | undefined;
  if (options.severity !== undefined) {
    const parsed = parseSeverities(options.severity);
    if ('invalid' in parsed) throw new UsageError(`severity ${options.severity}: unknown level "${parsed.invalid}"; use info, low, medium, high or critical, or a list`);
    severities = parsed.severities;
  }
  return {
    ...(severities ? { severity: severities[0], severities } : {}),
    policies: options.policies ?? [],
    skipPolicies: options.skipPolicies ?? [],
    policyDirs: options.policyDirs ?? [],
    noLibrary: options.noLibrary ?? false,
    vars: options.vars ?? [],
    varFiles: options.varFiles ?? [],
  };
}

function isPlanDocument(value: unknown): value is PlanJson {
  return !!value && typeof value === 'object' && !(value instanceof Analysis) && ('resource_changes' in value || 'planned_values' in value);
}

/**
 * The security scan of one configuration (or of a plan document, e.g. `JSON.parse` of `terraform show -json`) with
 * the policy library: findings, errors, `partial` and `notices` (what could not be checked).
 *
 *   const result = await scan('infra', { severity: 'high' });
 *   const fromPlan = await scan(JSON.parse(readFileSync('plan.json', 'utf8')));
 */
export async function scan(source: ConfigurationSource | PlanJson, options: ScanApiOptions = {}): Promise<ScanResult> {
  const scanner = scannerFor(scanOptions(options));
  if (isPlanDocument(source)) return scanner.scanPlan(source, 'plan');
  return (await toAnalysis(source, 'scan', options)).scan(scanner);
}

/** Options of {@link check}. */
export interface CheckApiOptions extends ScanApiOptions {
  /** Threads analysing root modules at once (default: by the number of roots and cores). */
  jobs?: number;
}

/**
 * `iacpac check` as a function: every Terraform root module under each path (directories are searched; `.tf` files
 * are analysed alone; `.json` paths are plan documents), validated and scanned, one result per root with its
 * `validation`. Roots that cannot be analysed at all have `errors` and `partial: true`.
 *
 *   const results = await check(['envs', 'modules/legacy']);
 *   const failing = results.filter((r) => !r.validation?.valid || r.findings.some((f) => !f.suppressed));
 */
export async function check(paths: string | string[], options: CheckApiOptions = {}): Promise<ScanResult[]> {
  const list = Array.isArray(paths) ? paths : [paths];
  if (list.some((p) => typeof p !== 'string')) throw new UsageError(`check: expected paths (strings); got ${describe(list.find((p) => typeof p !== 'string'))}`);
  const { results } = await runInputs(list, [], {
    validate: true,
    scan: true,
    scanOptions: scanOptions(options),
    vars: options.vars ?? [],
    varFiles: options.varFiles ?? [],
    ...(options.schemaFiles?.length ? { schemaFiles: options.schemaFiles } : {}),
    ...(options.jobs ? { jobs: options.jobs } : {}),
  });
  return results.map((r) => {
    if (r.failure) return { dir: r.dir, findings: [], errors: [{ message: r.failure.message, code: 'input' }], partial: true, notices: [], policies: 0, resources: 0 };
    const result = r.scan as ScanResult;
    return r.validation ? { ...result, validation: r.validation } : result;
  });
}

/** The report formats of `iacpac scan/check`. */
export type ReportFormat = 'text' | 'json' | 'jsonl' | 'sarif' | 'junit';

/**
 * Renders results of {@link scan} or {@link check} as the CLI does (never with colours unless asked). SARIF rules
 * describe the policies that ran (with `helpUri` to their section of docs/policies.md).
 */
export function formatResults(results: ScanResult | ScanResult[], format: ReportFormat, options: ScanApiOptions & { color?: boolean } = {}): string {
  const list = Array.isArray(results) ? results : [results];
  switch (format) {
    case 'text':
      return renderCheckText(list, { color: options.color ?? false });
    case 'json':
      return renderJson(list, { toolVersion: packageVersion() });
    case 'jsonl':
      return renderJsonl(list);
    case 'junit':
      return renderJunit(list);
    case 'sarif':
      return renderSarif(list, scannerFor(scanOptions(options)).policies, {
        toolVersion: packageVersion(),
        helpUri: (policy) => (policy.builtin ? docUrl('policies.md', policyAnchor(policy.id)) : undefined),
      });
    default:
      throw new UsageError(`formatResults: unknown format ${JSON.stringify(format)}; use text, json, jsonl, sarif or junit`);
  }
}

/** Options of {@link evaluateRego}. */
export interface EvaluateRegoOptions extends RegoEngineOptions {
  /** Rego files or directories of them (`_test.rego` files included, like `opa eval -d`). */
  policies?: string[];
  /** Rego modules given as text. */
  modules?: Array<{ file: string; source: string }>;
  /** The input document; or a configuration source, whose synthesised plan becomes the input. */
  input?: unknown;
  /** Plan a configuration and use the plan as input (what `iacpac scan` gives the policies). */
  planOf?: ConfigurationSource;
  /** Base documents under `data`. */
  data?: unknown;
}

function regoFilesIn(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .filter((e) => !e.name.startsWith('.'))
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => (e.isDirectory() ? regoFilesIn(join(path, e.name)) : e.name.endsWith('.rego') ? [join(path, e.name)] : []));
}

/**
 * Evaluates a Rego query with the embedded engine (OPA semantics), e.g. your policies over a plan:
 *
 *   const deny = await evaluateRego('data.acme.tags.deny', { policies: ['policies'], planOf: 'infra' });
 *
 * Returns the query's value as JSON (undefined when it is undefined). Compile errors throw with file:line:col.
 */
export async function evaluateRego(query: string, options: EvaluateRegoOptions = {}): Promise<unknown> {
  if (typeof query !== 'string' || !query.trim()) throw new UsageError(`evaluateRego: expected a query such as 'data.example.deny'; got ${describe(query)}`);
  const { policies = [], modules = [], input, planOf, data, ...engineOptions } = options;
  const engine = new RegoEngine(engineOptions);
  for (const path of policies) for (const file of regoFilesIn(path)) engine.addModule(file, readFileSync(file, 'utf8'));
  for (const module of modules) engine.addModule(module.file, module.source);
  if (data !== undefined) engine.addData(data);
  let document = input;
  if (planOf !== undefined) {
    const planned = await plan(planOf);
    if (!planned.plan) throw new UsageError(`evaluateRego: the configuration could not be planned: ${planned.diagnostics.map((d) => d.summary).join('; ')}`);
    document = planned.plan;
  }
  const value = engine.prepare(query).evalValue(document === undefined ? {} : { input: document });
  return value === undefined ? undefined : (await import('../rego/value.ts')).toJS(value);
}
