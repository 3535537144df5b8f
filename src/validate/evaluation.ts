import { existsSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join, posix } from 'node:path';
import type { SourceRange } from '../core/source-range.ts';
import type { Expression, ForExpr, FunctionCallExpr, TemplatePart } from '../hcl/ast.ts';
import { startRange } from '../hcl/start-range.ts';
import { walkExpression as walkHcl } from '../hcl/walk.ts';
import { arityProblem, functionCallExtra, tryFailedDetail } from '../terraform/functions/call-arity.ts';
import { lookupRemovedFunction, removedFunctionDetail } from '../terraform/functions/removed-functions.ts';
import { FUNCTION_SIGNATURES, lookupFunctionSignature } from '../terraform/functions/signatures.ts';
import { errorAt, type ValidatorDiagnostic } from './diagnostic.ts';
import { nameSuggestion } from './did-you-mean.ts';
import { walkExpression } from './walk-expression.ts';
import { staticValue } from './static-value.ts';
import { conversionError } from './type-conversion.ts';
import type { CtyType } from '../schema/provider-schema.ts';

/** What evaluation needs to know about the module whose expressions are checked. */
export interface EvaluationContext {
  /** Absolute root directory (Terraform's working directory: relative paths resolve against it). */
  rootDir: string;
  /** `path.module` of the module (`.` for the root module). */
  pathModule: string;
}

/** Functions that read a file named by their first argument ("path") and reject a missing one as an invalid argument. */
const FILE_FUNCTIONS = new Set(['file', 'filebase64', 'templatefile']);

/** Functions that hash a file named by their first argument; a missing file fails the call. */
const HASH_FILE_FUNCTIONS = new Set(['filemd5', 'filesha1', 'filesha256', 'filesha512', 'filebase64sha256', 'filebase64sha512']);

const MAX_DEPTH = 300;

let functionNames: string[] | undefined;
function allFunctionNames(): string[] {
  functionNames ??= [...FUNCTION_SIGNATURES.keys()].sort();
  return functionNames;
}

/**
 * Errors HCL reports while evaluating an expression with unknown inputs, as `terraform validate` does:
 * calls to unknown functions, wrong argument counts, and file functions whose (constant) path names no
 * file. Like HCL, a failed call does not evaluate its arguments.
 */
export function evaluationDiagnostics(expr: Expression, context: EvaluationContext, depth = 0, inFor = false): ValidatorDiagnostic[] {
  const out: ValidatorDiagnostic[] = [];
  // Other expressions only pass their operands' errors on (in source order); calls, `for` expressions and templates
  // decide which of their parts HCL evaluates.
  walkHcl(
    expr,
    (node, _bound, at) => {
      if (at > MAX_DEPTH) return false;
      if (node.kind === 'call') out.push(...callDiagnostics(node, context, at, inFor));
      else if (node.kind === 'for') out.push(...forDiagnostics(node, context, at, inFor));
      else if (node.kind === 'template') out.push(...templateDiagnostics(node.parts, context, at + 1, inFor));
      else return true;
      return false;
    },
    NO_NAMES,
    depth,
  );
  return out;
}

const NO_NAMES: ReadonlySet<string> = new Set();

function forDiagnostics(expr: ForExpr, context: EvaluationContext, depth: number, inFor: boolean): ValidatorDiagnostic[] {
  const collection = evaluationDiagnostics(expr.collection, context, depth + 1, inFor);
  if (collection.length > 0) return collection;
  // With an unknown collection HCL does not evaluate the body; only literal collections get that far.
  if (expr.collection.kind !== 'tuple' && expr.collection.kind !== 'object') return [];
  const body = (child: Expression) => evaluationDiagnostics(child, context, depth + 1, true);
  return [...(expr.keyExpr ? body(expr.keyExpr) : []), ...body(expr.valueExpr), ...(expr.condition ? body(expr.condition) : [])];
}

function templateDiagnostics(parts: TemplatePart[], context: EvaluationContext, depth: number, inFor: boolean): ValidatorDiagnostic[] {
  if (depth > MAX_DEPTH) return [];
  return parts.flatMap((part): ValidatorDiagnostic[] => {
    switch (part.kind) {
      case 'text':
        return [];
      case 'interpolation':
        return evaluationDiagnostics(part.expr, context, depth + 1, inFor);
      case 'if':
        return [
          ...evaluationDiagnostics(part.cond, context, depth + 1, inFor),
          ...templateDiagnostics(part.then, context, depth + 1, inFor),
          ...(part.else ? templateDiagnostics(part.else, context, depth + 1, inFor) : []),
        ];
      case 'for':
        return evaluationDiagnostics(part.collection, context, depth + 1, inFor);
    }
  });
}

function callDiagnostics(call: FunctionCallExpr, context: EvaluationContext, depth: number, inFor: boolean): ValidatorDiagnostic[] {
  const name = call.name;
  if (name.includes('::') && !name.startsWith('core::')) {
    // Provider-defined functions need the provider's function list; not checked.
    return call.args.flatMap((arg) => evaluationDiagnostics(arg, context, depth + 1, inFor));
  }
  const removed = lookupRemovedFunction(name);
  if (removed) {
    // `list` and `map` fail whatever their arguments, once those evaluate without errors.
    const argumentDiagnostics = call.args.flatMap((arg) => evaluationDiagnostics(arg, context, depth + 1, inFor));
    if (argumentDiagnostics.length > 0) return argumentDiagnostics;
    const { functionCall } = functionCallExtra(name, removed, inFor);
    return [{ ...errorAt('function-call-failed', 'Error in function call', removedFunctionDetail(name, removed), startRange(call), call.range), functionCall }];
  }
  const signature = lookupFunctionSignature(name);
  if (!signature) {
    const suggestion = nameSuggestion(name, allFunctionNames());
    return [
      errorAt(
        'unknown-function',
        'Call to unknown function',
        `There is no function named "${name}".${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
        call.nameRange,
        call.range,
      ),
    ];
  }
  // Terraform describes the called function in the snippet (inside a for expression only by name).
  const { functionCall } = functionCallExtra(name, signature, inFor);
  const withCall = (diagnostic: ValidatorDiagnostic): ValidatorDiagnostic => ({ ...diagnostic, functionCall });
  if (!call.expandFinal) {
    const problem = arityProblem(call, signature, call.args.length, (i) => startRange(call.args[i] as Expression));
    if (problem) {
      const code = problem.summary === 'Not enough function arguments' ? 'not-enough-function-arguments' : 'too-many-function-arguments';
      return [withCall(errorAt(code, problem.summary, problem.detail, problem.range, call.range))];
    }
  }
  // `can` turns any error of its argument into false; `try` fails only when every argument fails.
  if (baseNameOf(name) === 'can') return [];
  if (baseNameOf(name) === 'try') return tryDiagnostics(call, context, depth, inFor).map(withCall);
  const argumentDiagnostics = call.args.flatMap((arg) => evaluationDiagnostics(arg, context, depth + 1, inFor));
  if (argumentDiagnostics.length > 0) return argumentDiagnostics;
  if (baseNameOf(name) === 'join' && call.args.length === 1 && !call.expandFinal) {
    return [
      withCall(
        errorAt('function-call-failed', 'Error in function call', `Call to function "${name}" failed: at least one list is required.`, startRange(call), call.range),
      ),
    ];
  }
  const primitiveTarget = { tostring: 'string', tonumber: 'number', tobool: 'bool' }[baseNameOf(name)];
  const firstArg = call.args[0];
  if (primitiveTarget && firstArg && call.args.length === 1) {
    // The primitive conversion functions take any value and refuse collections and structures.
    const value = staticValue(firstArg);
    if (value.kind === 'tuple' || value.kind === 'object') {
      return [
        withCall(
          errorAt(
            'invalid-function-argument',
            'Invalid function argument',
            `Invalid value for "v" parameter: cannot convert ${value.kind} to ${primitiveTarget}.`,
            startRange(firstArg),
            call.range,
          ),
        ),
      ];
    }
  }
  if (!call.expandFinal) {
    // Each argument converts to its parameter's type; a literal that cannot is an invalid argument.
    for (const [index, arg] of call.args.entries()) {
      const param = signature.params[index] ?? signature.variadic;
      if (!param) break;
      const problem = conversionError(staticValue(arg), param.type as CtyType);
      if (problem) {
        return [
          withCall(
            errorAt('invalid-function-argument', 'Invalid function argument', `Invalid value for "${param.name}" parameter: ${problem}.`, startRange(arg), call.range),
          ),
        ];
      }
    }
  }
  const baseName = name.startsWith('core::') ? name.slice('core::'.length) : name;
  const pathArg = call.args[0];
  if (HASH_FILE_FUNCTIONS.has(baseName) && pathArg && !call.expandFinal) {
    // The hashing file functions open the file themselves and report the operating system's error.
    const path = staticPath(pathArg, context);
    if (path !== undefined && !fileExists(path, context.rootDir)) {
      const opened = isAbsolute(path) || path.startsWith('~') ? path : posix.join('.', path);
      return [
        withCall(
          errorAt(
            'function-call-failed',
            'Error in function call',
            `Call to function "${name}" failed: open ${opened}: no such file or directory.`,
            startRange(call),
            call.range,
          ),
        ),
      ];
    }
  }
  if (FILE_FUNCTIONS.has(baseName) && pathArg && !call.expandFinal) {
    const path = staticPath(pathArg, context);
    if (path !== undefined && !fileExists(path, context.rootDir)) {
      return [
        {
          ...withCall(errorAt(
          'invalid-function-argument',
          'Invalid function argument',
          `Invalid value for "path" parameter: no file exists at ${JSON.stringify(path)}; this function works only with files that are distributed as part of the configuration source code, so if this file will be created by a resource in this configuration you must instead obtain this result from an attribute of that resource.`,
          startRange(pathArg),
          call.range,
        )),
          values: pathValues(pathArg, context),
        },
      ];
    }
  }
  return [];
}

/** HCL's `try`: the first argument that evaluates without errors is the result; when none does, the call fails listing every error. */
function tryDiagnostics(call: FunctionCallExpr, context: EvaluationContext, depth: number, inFor: boolean): ValidatorDiagnostic[] {
  if (call.args.length === 0) {
    return [errorAt('function-call-failed', 'Error in function call', `Call to function "${call.name}" failed: at least one argument is required.`, startRange(call), call.range)];
  }
  const failures: ValidatorDiagnostic[] = [];
  for (const arg of call.args) {
    const diagnostics = evaluationDiagnostics(arg, context, depth + 1, inFor);
    if (diagnostics.length === 0) return [];
    failures.push(...diagnostics);
  }
  return [errorAt('function-call-failed', 'Error in function call', tryFailedDetail(failures), startRange(call), call.range)];
}

/** Known values of `path.*` references in an expression, as Terraform lists them under a snippet. */
export function pathValues(expr: Expression, context: EvaluationContext): Array<{ traversal: string; statement: string }> {
  const out = new Map<string, string>();
  walkExpression(expr, {
    traversal: (t) => {
      const value = pathValue(t, context);
      const step = t.steps[0];
      if (value !== undefined && step?.kind === 'attr') out.set(`path.${step.name}`, `is ${JSON.stringify(value)}`);
    },
  });
  return [...out.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([traversal, statement]) => ({ traversal, statement }));
}

function fileExists(path: string, rootDir: string): boolean {
  let full = path;
  if (full === '~' || full.startsWith('~/')) full = join(homedir(), full.slice(1));
  if (!isAbsolute(full)) full = join(rootDir, full);
  try {
    return existsSync(full) && statSync(full).isFile();
  } catch {
    return false;
  }
}

/** The value of a path argument made of text and `path.module` / `path.root` / `path.cwd`, else undefined. */
function staticPath(expr: Expression, context: EvaluationContext): string | undefined {
  if (expr.kind === 'literal') return typeof expr.value === 'string' ? expr.value : undefined;
  if (expr.kind === 'parens') return staticPath(expr.expr, context);
  if (expr.kind !== 'template') return undefined;
  let out = '';
  for (const part of expr.parts) {
    if (part.kind === 'text') out += part.value;
    else if (part.kind === 'interpolation') {
      const value = pathValue(part.expr, context);
      if (value === undefined) return undefined;
      out += value;
    } else return undefined;
  }
  return out;
}

function pathValue(expr: Expression, context: EvaluationContext): string | undefined {
  if (expr.kind === 'literal' && typeof expr.value === 'string') return expr.value;
  if (expr.kind !== 'traversal' || expr.root !== 'path' || expr.steps.length !== 1) return undefined;
  const step = expr.steps[0];
  if (step?.kind !== 'attr') return undefined;
  if (step.name === 'module') return context.pathModule;
  if (step.name === 'root') return '.';
  if (step.name === 'cwd') return context.rootDir;
  return undefined;
}

function baseNameOf(name: string): string {
  return name.startsWith('core::') ? name.slice('core::'.length) : name;
}
