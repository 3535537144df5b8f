import { parse } from '@cdktf/hcl2json';
import { describe, expect, it } from 'vitest';
import { toHcl2JsonShape } from './hcl2json-shape.ts';
import { parseHclFile } from './parse.ts';

/**
 * Unusual but valid (or deliberately odd) native syntax: iacpac must agree with HashiCorp's HCL
 * (hcl2json) on the verdict and, for valid input, produce the same document with no unparsed expression.
 */
const CASES: string[] = [
  'a = "x ${~ b ~}\u0085y\ufeff${~c}"\n',
  'a = <<-EOT\n\u00a0  x\n   y\n  EOT\n',
  'for = 1\nin = 2\nif = 3\nendif = 4\nnull_x = null\ntrue_ish = true\n',
  'a = { for = 1 }\n',
  'a = { in = 1, if = 2 }\n',
  'a = x.for\nb = x.in\nc = x.null\n',
  'a = [for for in x : for]\n',
  'a = "${for}"\n',
  'a = x.0.1\n',
  'a = x[0][1]["k"].y\n',
  'a = -1.5e-3\n',
  'a = 1.e3\n',
  'a = .5\n',
  'a = 0x10\n',
  'a = "\\\\${x}"\n',
  'a = "a\\\\\\"b"\n',
  'a = <<EOT\n  ${x}\n  EOT\nEOT\n',
  'a = <<-EOT\n\t\tx\n\t  y\n\tEOT\n',
  'a = "%{ if x ~}\n  y\n%{~ endif }"\n',
  'a = x ? y : z ? w : v\n',
  'a = !x || y && !z\n',
  'a = (x)\nb = ((x))\nc = (x).y\n',
  'a = f()\nb = f(x,)\nc = f(\n  x,\n  y\n)\n',
  'a = [\n]\nb = {\n}\n',
  'a = { "k" : 1 }\n',
  'a = {a=1,b=2}\n',
  'a = x[*]\nb = x.*\nc = x[*][0]\n',
  'a = "\\u00e9\\U0001F600"\n',
  'block "a" "b" "c" "d" {}\n',
  'block {\n}\nblock {}\n',
  'a = <<EOT\nEOT\n',
  'a = 1 # comment\nb = 2 // comment\nc = 3 /* c */\n',
  '/* only a comment */\n',
  '',
  'a = "x" /* c */ + "y"\n',
  'a = [for k, v in m : k if v]\nb = {for k, v in m : k => v if v}\n',
  'a = {for k, v in m : (k) => v}\n',
  'a = [for x in y : { a = x }]\n',
  'a = "${ {a=1}.a }"\n',
  'a = "${[1,2][0]}"\n',
  'a = "$${"\nb = "%%{"\nc = "$"\nd = "%"\ne = "${"}"}"\n',
  'a = x.y[*].z[*].w\n',
  'a = var.list[*]\n',
  'a = { (var.k) = 1, "${var.j}" = 2 }\n',
  'a = 9007199254740993\nb = 1.0000000000000000000001\n',
];

describe('odd syntax agrees with HashiCorp HCL', () => {
  it.each(CASES)('%j', async (source) => {
    let expected: unknown;
    try {
      expected = await parse('main.tf', source);
    } catch {
      expected = 'invalid';
    }
    const file = await parseHclFile('main.tf', source);
    expect(file.syntaxErrors.length > 0 ? 'invalid' : toHcl2JsonShape(file)).toEqual(expected);
    if (expected !== 'invalid') expect(JSON.stringify(file.body)).not.toContain('"kind":"invalid"');
  });
});
