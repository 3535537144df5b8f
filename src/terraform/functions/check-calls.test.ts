import { describe, expect, it } from 'vitest';
import { parseHclFile } from '../../hcl/parse.ts';
import { checkFunctionCalls } from './check-calls.ts';

describe('checkFunctionCalls', () => {
  it.each([
    ['upper("a")', []],
    ['join(",", var.a...)', []],
    ['provider::aws::arn_parse(x)', []],
    ['core::upper("a")', []],
    ['try(a.b, 1)', []],
    ['"${nosuch(1)}"', [['Call to unknown function', 'There is no function named "nosuch".', 8]]],
    ['[for x in y : upper(x, 1)]', [['Too many function arguments', 'Function "upper" expects only 1 argument(s).', 28]]],
    ['cidrsubnet("10.0.0.0/8", 8)', [['Not enough function arguments', 'Function "cidrsubnet" expects 3 argument(s). Missing value for "netnum".', 31]]],
    ['list("a")', [['Error in function call', 'Call to function "list" failed: the "list" function was deprecated in Terraform v0.12 and is no longer available; use tolist([ ... ]) syntax to write a literal list.', 5]]],
    // As terraform validate 1.11.4 reports them (one arity check for the evaluator, the validator and this).
    ['can()', [['Not enough function arguments', 'Function "can" expects 1 argument(s). Missing value for "expression".', 9]]],
    ['can(1, 2)', [['Too many function arguments', 'Function "can" expects only 1 argument(s).', 12]]],
    ['try()', [['Error in function call', 'Call to function "try" failed: at least one argument is required.', 5]]],
    ['core::upper()', [['Not enough function arguments', 'Function "core::upper" expects 1 argument(s). Missing value for "str".', 17]]],
  ] as const)('%s', async (text, want) => {
    const file = await parseHclFile('main.tf', `x = ${text}\n`);
    const got = checkFunctionCalls(file.body.attributes[0]!.expr).map((d) => [d.summary, d.detail, d.range?.start.column]);
    expect(got).toEqual(want);
  });
});
