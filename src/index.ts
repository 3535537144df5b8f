// Public library API of iacpac. Each subsystem re-exports its entry points here.
export * from './core/diagnostics.ts';
export * from './core/source-range.ts';
export * from './core/errors.ts';
export * from './schema/index.ts';
export * from './hcl/ast.ts';
export { parseHclFile, checkHclSyntax } from './hcl/parse.ts';
export * from './terraform/model.ts';
export { loadConfiguration, type LoadOptions } from './terraform/load-module.ts';
export { constantValue, NON_CONSTANT } from './terraform/variables.ts';
export { synthesizePlan, type SynthesizeOptions, type SynthesizeResult, type PlanJson } from './plan/index.ts';
export { RegoEngine, PreparedQuery, RegoError, RegoCompileErrors, parseJSON as parseRegoJSON } from './rego/index.ts';
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
// <exports>
