import type { Diagnostic } from '../../core/diagnostics.ts';
import type { Expression, FunctionCallExpr, TemplatePart, TraversalStep } from '../../hcl/ast.ts';
import { startRange } from '../eval/call-function.ts';
import { arityProblem } from './call-arity.ts';
import { lookupFunctionSignature } from './signatures.ts';

const REMOVED: Record<string, string> = {
  list: 'tolist([ ... ]) syntax to write a literal list',
  map: 'tomap({ ... }) syntax to write a literal map',
};

/**
 * Static checks of one call against Terraform's function table, with Terraform's diagnostics:
 * "Call to unknown function", "Not enough function arguments", "Too many function arguments".
 * `provider::` functions are not checked (they come from providers).
 */
export function checkFunctionCall(call: FunctionCallExpr): Diagnostic[] {
  const name = call.name.startsWith('core::') ? call.name.slice('core::'.length) : call.name;
  if (name.startsWith('provider::')) return [];
  const error = (summary: string, detail: string, range = call.range): Diagnostic[] => [{ severity: 'error', summary, detail, range, source: 'reference' }];
  const start = { ...call.nameRange, end: { ...call.nameRange.end, column: call.nameRange.end.column + 1, byte: call.nameRange.end.byte + 1 } };
  if (REMOVED[name])
    return error('Error in function call', `Call to function ${JSON.stringify(name)} failed: the ${JSON.stringify(name)} function was deprecated in Terraform v0.12 and is no longer available; use ${REMOVED[name]}.`, start);
  const sig = lookupFunctionSignature(name);
  if (!sig) return error('Call to unknown function', `There is no function named ${JSON.stringify(call.name)}.`, call.nameRange);
  // With `...` the number of arguments is only known at evaluation time.
  if (call.expandFinal) return [];
  const problem = arityProblem(call, sig, call.args.length, (i) => startRange(call.args[i]!));
  if (problem) return error(problem.summary, problem.detail, problem.range);
  if (name === 'try' && call.args.length === 0) return error('Error in function call', `Call to function ${JSON.stringify(call.name)} failed: at least one argument is required.`, start);
  return [];
}

/** Checks every function call inside an expression (bounded by the expression's own nesting). */
export function checkFunctionCalls(expr: Expression): Diagnostic[] {
  const out: Diagnostic[] = [];
  const steps = (list: readonly TraversalStep[]): void => {
    for (const s of list) if (s.kind === 'index') walk(s.key);
  };
  const parts = (list: readonly TemplatePart[]): void => {
    for (const p of list) {
      if (p.kind === 'interpolation') walk(p.expr);
      else if (p.kind === 'if') {
        walk(p.cond);
        parts(p.then);
        if (p.else) parts(p.else);
      } else if (p.kind === 'for') {
        walk(p.collection);
        parts(p.body);
      }
    }
  };
  const walk = (e: Expression): void => {
    switch (e.kind) {
      case 'call':
        out.push(...checkFunctionCall(e));
        e.args.forEach(walk);
        break;
      case 'template':
        parts(e.parts);
        break;
      case 'traversal':
        steps(e.steps);
        break;
      case 'relative':
        walk(e.source);
        steps(e.steps);
        break;
      case 'tuple':
        e.items.forEach(walk);
        break;
      case 'object':
        for (const item of e.items) {
          walk(item.key);
          walk(item.value);
        }
        break;
      case 'binary':
        walk(e.left);
        walk(e.right);
        break;
      case 'unary':
        walk(e.operand);
        break;
      case 'conditional':
        walk(e.condition);
        walk(e.trueResult);
        walk(e.falseResult);
        break;
      case 'for':
        walk(e.collection);
        if (e.keyExpr) walk(e.keyExpr);
        walk(e.valueExpr);
        if (e.condition) walk(e.condition);
        break;
      case 'splat':
        walk(e.source);
        steps(e.each);
        break;
      case 'index':
        walk(e.collection);
        walk(e.key);
        break;
      case 'parens':
        walk(e.expr);
        break;
      default:
        break;
    }
  };
  walk(expr);
  return out;
}
