// The public library API of iacpac (documented in docs/api.md, whose examples a test runs). Only what is listed here
// is public; everything else is internal and may change. The generator and the benchmark are loaded on first use, so
// importing the package for scanning loads no LLM or chart libraries.

// One analysis per configuration, and the functions over it (each takes a directory or a loaded configuration)
export { analyze, Analysis, type AnalyzeOptions, type LoadedConfiguration } from './analysis/analyze.ts';
export {
  validate,
  plan,
  scan,
  check,
  evaluateRego,
  formatResults,
  type ConfigurationSource,
  type LoadSourceOptions,
  type PlanResult,
  type ScanApiOptions,
  type CheckApiOptions,
  type EvaluateRegoOptions,
  type ReportFormat,
} from './api/index.ts';
export type { GenerateApiOptions } from './api/generate.ts';
export type { BenchApiOptions } from './api/bench.ts';
export { loadConfiguration, type LoadOptions } from './terraform/load-module.ts';
// The embedded Rego engine (OPA semantics)
export { RegoEngine, PreparedQuery, RegoError, RegoCompileErrors, BuiltinError, fromJS as regoValueFromJS, toJS as regoValueToJS } from './rego/index.ts';
export type { RegoEngineOptions, ResultSet, Result, ExpressionResult, EvalOptions as RegoEvalOptions, CustomBuiltin, Capabilities, RegoType, BuiltinContext } from './rego/index.ts';
// Errors: every one carries the CLI's exit code (2 usage/input)
export { IacpacError, UsageError, InputError } from './core/errors.ts';
// Result shapes
export type { Diagnostic, DiagnosticSeverity, ValidateResult } from './core/diagnostics.ts';
export type { SourceRange, SourcePos } from './core/source-range.ts';
export { SEVERITIES, type Severity } from './core/severity.ts';
export type { Finding, FindingSeverity, ScanResult, ScanError, ScanNotice } from './scan/finding.ts';
export type { PolicyInfo } from './scan/policy-metadata.ts';
export type { PlanJson } from './plan/plan-json.ts';
export type { Configuration, TerraformModule } from './terraform/model.ts';
export type { LoopResult } from './agents/orchestrator.ts';
export type { RunBenchResult, AttemptRecord } from './api/types.ts';

/**
 * Generates Terraform and its Rego policies from requirements and verifies them (see `GenerateApiOptions`); needs an
 * LLM provider (API key in the environment, or a local Ollama). The generator is loaded on first call.
 */
export async function generate(options: import('./api/generate.ts').GenerateApiOptions): ReturnType<typeof import('./api/generate.ts').generate> {
  return (await import('./api/generate.ts')).generate(options);
}

/** Runs the IaC-Eval benchmark for the given models (see `BenchApiOptions`); loaded on first call. */
export async function bench(options: import('./api/bench.ts').BenchApiOptions): ReturnType<typeof import('./api/bench.ts').bench> {
  return (await import('./api/bench.ts')).bench(options);
}
