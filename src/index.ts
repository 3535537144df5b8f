// Public library API of iacpac. Each subsystem re-exports its entry points here.
export * from './core/diagnostics.ts';
export * from './core/severity.ts';
export * from './core/source-range.ts';
export * from './core/errors.ts';
export * from './schema/index.ts';
export * from './hcl/ast.ts';
export { parseHclFile, checkHclSyntax } from './hcl/parse.ts';
export { jsonBodyWithBlocks } from './hcl/json-blocks.ts';
export * from './terraform/model.ts';
export { loadConfiguration, type LoadOptions } from './terraform/load-module.ts';
export { constantValue, NON_CONSTANT } from './terraform/variables.ts';
export { synthesizePlan, type SynthesizeOptions, type SynthesizeResult, type PlanJson } from './plan/index.ts';
export { RegoEngine, PreparedQuery, RegoError, RegoCompileErrors, parseJSON as parseRegoJSON, regoDiagnostics } from './rego/index.ts';
export type { RegoEngineOptions, ResultSet, Result, ExpressionResult, EvalOptions as RegoEvalOptions, RuleInfo as RegoRuleInfo } from './rego/index.ts';
export {
  evaluate as evaluateTfExpression,
  evaluateExpression as evaluateTfExpressionInto,
  convert as convertTfValue,
  formatConsole as formatTfValue,
  loadTemplateParser,
  typeConstraintFromExpr,
  applyTypeConstraint,
  UNKNOWN,
  Unknown,
  Sensitive,
  markSensitive,
  unknownOf,
  isWhollyKnown,
  toJson as tfValueToJson,
  unknownShape,
  sensitiveShape,
} from './terraform/eval/index.ts';
export type { EvalContext, ReferenceResolver, ResolvedReference, TfValue, TfType } from './terraform/eval/index.ts';
export { FUNCTION_SIGNATURES, lookupFunctionSignature, type FunctionSignature } from './terraform/functions/signatures.ts';
export { checkFunctionCall, checkFunctionCalls } from './terraform/functions/check-calls.ts';
export * from './llm/index.ts';
export { KnowledgeBase, type KbHit, type KbSearchOptions } from './kb/knowledge-base.ts';
export { buildKnowledgeBase, collectDocuments, type KnowledgeBaseSources } from './kb/build-knowledge-base.ts';
export { createRetriever, lexicalSearcher, hybridSearcher, type Retriever, type Searcher } from './kb/hybrid-search.ts';
export { retrieveReferences, type RetrievalPurpose } from './kb/retrieve.ts';
export type { KbDocument, KbKind } from './kb/kb-document.ts';
export { runGenerateLoop, type LoopOptions, type LoopResult, type IterationRecord } from './agents/orchestrator.ts';
export { feedbackPrompt } from './agents/feedback-prompt.ts';
export { extractFiles, type GeneratedFile } from './agents/extract-files.ts';
export { createTechnicalVerifier, checkPolicies } from './agents/technical-validation.ts';
export { reviewSchema, type Review } from './agents/reviewer.ts';
export type { AgentFinding, Stage as AgentStage, Target as AgentTarget } from './agents/agent-finding.ts';
export { validateConfiguration, validateDirectory, type ValidateOptions, type ValidateDirectoryOptions } from './validate/index.ts';
export {
  findBinary,
  requireBinary,
  runCommand,
  copyToTempDir,
  removeTempDir,
  offlineOverrideFiles,
  execFindings,
  assertNoExec,
  validateWithCli,
  type CliEngine,
  type CommandResult,
  type CliValidateOptions,
} from './backends/index.ts';
export {
  Scanner,
  scanPlan,
  loadLibrary as loadPolicyLibrary,
  loadPolicyDir,
  readPolicyMetadata,
  mapCheckovReport,
  renderText as renderScanText,
  renderJson as renderScanJson,
  renderJsonl as renderScanJsonl,
  renderSarif,
  renderJunit,
  isBlocking,
  severityRank,
  SEVERITIES,
  type ScanOptions,
  type Finding,
  type FindingSeverity,
  type ScanError,
  type ScanResult,
  type Severity as FindingSeverityLevel,
  type PolicyInfo,
  type PolicySet,
} from './scan/index.ts';
// One analysis per configuration (load once; validation, plan, scans on demand)
export { analyze, Analysis, checkDirectories, scanDirectory, scanPaths, type AnalyzeOptions, type LoadedConfiguration, type CheckResult } from './analysis/index.ts';
// Benchmark harness and reports
export { loadDataset, type BenchTask, type DatasetFilter } from './bench/dataset.ts';
export { runBench, type BenchEvaluator, type BenchJudge, type RunBenchOptions } from './bench/run-bench.ts';
export { createEvaluator } from './bench/evaluator.ts';
export { objectMatch, countObjects } from './bench/metrics/object-match.ts';
export { intentSatisfied } from './bench/metrics/intent-verdict.ts';
export { readResults, type AttemptRecord } from './bench/results-store.ts';
export { buildReport } from './report/build-report.ts';
export { summarize, type Summary, type GroupSummary } from './report/summarize.ts';
// Command implementations (what the CLI runs; callable without argv)
export { generate, type GenerateOptions as GenerateCommandOptions } from './cli/commands/generate/generate.ts';
export { validateCommand, type ValidateCommandOptions } from './cli/commands/validate/validate.ts';
// <exports>
