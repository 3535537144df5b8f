// Terraform expression evaluation: the entry points other subsystems use.
export type { EvalContext, EvalLimits, ReferenceResolver, ResolvedReference } from './context.ts';
export { DEFAULT_LIMITS } from './context.ts';
export { evaluate, evaluateExpression } from './evaluate.ts';
export { convert, unifyValues, type ConvertResult } from './convert.ts';
export { formatConsole } from './format-console.ts';
export { loadTemplateParser, type TemplateParser } from './template-parser.ts';
export { applyDefaults, applyTypeConstraint, typeConstraintFromExpr, type TypeConstraint, type TypeDefaults } from './type-constraint.ts';
export { suggestName } from './suggest.ts';
export * from './types.ts';
export * from './value.ts';
