import { describe, expect, it } from 'vitest';
import { parseHclFile } from '../hcl/parse.ts';
import { constantValue, NON_CONSTANT } from './variables.ts';

async function valueOf(source: string): Promise<unknown> {
  const file = await parseHclFile('terraform.tfvars', `v = ${source}\n`);
  expect(file.syntaxErrors).toEqual([]);
  const expr = file.body.attributes[0]?.expr;
  if (!expr) throw new Error('no value parsed');
  return constantValue(expr);
}

describe('constantValue (what a tfvars file may contain)', () => {
  const cases: Array<[string, unknown]> = [
    ['"text"', 'text'],
    ['42', 42],
    ['-1.5', -1.5],
    ['true', true],
    ['null', null],
    ['[1, "a", [true]]', [1, 'a', [true]]],
    ['{ a = 1, "b c" = [2] }', { a: 1, 'b c': [2] }],
    ['"a-${"b"}-${1}"', 'a-b-1'],
    ['<<EOT\nline\nEOT', 'line\n'],
    ['(3)', 3],
    ['!false', true],
    ['var.x', NON_CONSTANT],
    ['upper("a")', NON_CONSTANT],
    ['[1, local.y]', NON_CONSTANT],
    ['{ (var.k) = 1 }', NON_CONSTANT],
    ['"${var.x}"', NON_CONSTANT],
    ['1 + 1', NON_CONSTANT],
  ];
  it.each(cases)('%s', async (source, expected) => {
    expect(await valueOf(source)).toEqual(expected);
  });
});
