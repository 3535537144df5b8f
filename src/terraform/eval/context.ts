import type { Diagnostic } from '../../core/diagnostics.ts';
import type { SourceRange } from '../../core/source-range.ts';
import type { Expression, TraversalStep } from '../../hcl/ast.ts';
import type { ProviderFunctionLookup } from '../functions/provider-functions.ts';
import type { TfValue } from './value.ts';

/**
 * What a reference resolves to: the value of the object named by the first `consumed` steps after the
 * root (the evaluator applies the remaining steps), or a diagnostic (e.g. "Reference to undeclared input
 * variable"). Examples: `var.region` → `{ value: "us-east-1", consumed: 1 }`; `aws_s3_bucket.b.id` →
 * `{ value: <object of b, unknown attrs as UNKNOWN>, consumed: 1 }`; `data.x.y.id` → `consumed: 2`;
 * `aws_instance.web[0].id` with count → `{ value: [<instances>], consumed: 1 }`; `self` → `consumed: 0`.
 */
export type ResolvedReference = { value: TfValue; consumed: number } | { diagnostic: Diagnostic };

/**
 * Implemented by the plan synthesizer (and the validator): resolves `var.*`, `local.*`, resources, data
 * sources, `module.*`, `count.index`, `each.key`/`each.value`, `path.*`, `terraform.workspace`, `self`.
 * Return undefined for a name that does not exist at all (the evaluator reports "Unknown variable").
 * Locals should be evaluated lazily with a cycle check; `EvalContext.depth` guards runaway recursion.
 */
export interface ReferenceResolver {
  resolve(root: string, steps: readonly TraversalStep[], range: SourceRange): ResolvedReference | undefined;
}

export interface EvalLimits {
  /** Maximum nesting of expression evaluation (including evaluation started by the resolver). */
  maxDepth: number;
  /** Maximum number of expression nodes evaluated by one `evaluateExpression` call. */
  maxSteps: number;
  /** Longest string or collection a function may build. */
  maxLength: number;
}

export const DEFAULT_LIMITS: EvalLimits = { maxDepth: 512, maxSteps: 2_000_000, maxLength: 8 * 1024 * 1024 };

export interface EvalContext {
  resolver?: ReferenceResolver;
  /** Extra variables in scope by name (e.g. template variables of `templatefile`). */
  variables?: Record<string, TfValue>;
  /** `path.module` (absolute): file functions read only inside it. */
  baseDir?: string;
  rootDir?: string;
  cwd?: string;
  /** Sync template parser for `templatefile`/`templatestring` (see `template-parser.ts`). */
  parseTemplate?: (source: string, filename: string) => { expr: Expression } | { diagnostic: Diagnostic };
  limits?: Partial<EvalLimits>;
  /**
   * Lenient reading (the scanner's input; unset: Terraform's behaviour). A reference to something undeclared is
   * reported but evaluates to an unknown value where it occurs, instead of making the whole expression unknown; and
   * `jsonencode` of a partly unknown value, or a template whose text is a JSON document, keeps its structure, writing
   * each unknown part as `UNKNOWN_TEXT`, so a policy document that names a resource created at apply time can still
   * be judged (as Checkov reads it).
   */
  lenient?: LenientReading;
  /**
   * `provider::<name>::<function>` lookups for the module being evaluated (provider local names resolved through
   * `required_providers`). Without it provider functions are not evaluated (their result is unknown, with a note).
   */
  providerFunctions?: (providerName: string, functionName: string) => ProviderFunctionLookup;
  /**
   * Shared nesting depth across re-entrant evaluations (the resolver evaluating locals calls
   * `evaluateExpression` again with the same context): exceeding `maxDepth` is an error, not a stack overflow.
   */
  depth?: { current: number };
}

/**
 * Lenient reading of a configuration (the scanner's input), and whether it changed anything: `used` is set when one of
 * its rules applied (an undeclared reference, a partly unknown `jsonencode`, a Python-style boolean, an undeclared
 * argument or an argument written for a block). When it stays false the result is what Terraform's reading gives.
 */
export interface LenientReading {
  used: boolean;
}

/** How lenient evaluation writes an unknown part inside `jsonencode` (Terraform's words for an unknown value). */
export const UNKNOWN_TEXT = '(known after apply)';
