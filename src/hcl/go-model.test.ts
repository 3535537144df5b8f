import { afterAll, describe, expect, it } from 'vitest';
import { corpusSources } from '../../test/helpers/hcl-corpora.ts';
import { goModelEquivalence } from '../../test/helpers/go-model-equivalence.ts';
import { stopHclWorker } from './hcl-syntax-worker.ts';
import { goModelUse, parseHclFile, parseHclFileWithTreeSitter } from './parse.ts';

/**
 * The AST decoded from HashiCorp's parse (go-model.ts, encoded by scripts/hcl-syntax/encode.go) is exactly the one
 * tree-sitter's converters build (same nodes, property order, ranges and text), for the constructs below and every
 * committed valid source; `scripts/check-go-model.ts` runs the same comparison on any folder (../shared, scale roots).
 */
afterAll(() => stopHclWorker());

const SAME: Array<[string, string]> = [
  ['attributes and nested blocks', 'a = 1\nresource "aws_s3_bucket" "b" {\n  bucket = "x"\n  tags = { Name = "n", "quoted key" = 2 }\n  lifecycle {\n    ignore_changes = [tags]\n  }\n}\n'],
  ['one-line and empty blocks, identifier labels', 'locals { a = 1 }\nterraform {}\nb c d {\n}\n'],
  ['labels with escapes and unicode', 'resource "a\\"b" "é\\u00e9\\n" {}\n'],
  ['numbers', 'a = [0, 1.5, 1e3, 1.e3, 2E-2, 12345678901234567890]\n'],
  ['literals', 'a = [true, false, null, "", "x"]\n'],
  ['traversals', 'a = [var.x, local.m["k"], each.value.name, count.index, aws_s3_bucket.b[0].id, x.y[var.i].z, a.0.b, a[-1], a["${b}"]]\n'],
  ['relative traversals', 'a = [f(x).y, (a.b)[0], [1, 2][0], {a = 1}.a, f(x)[var.i].z]\n'],
  ['splats', 'a = [x[*].id, x[*], x[*].a[0].b, x.*.id, x.*.id[1], x.*.a.b[0].c, x.*.a.0, f(y)[*].z, x[*].a[var.i]]\n'],
  ['function calls', 'a = [f(), f(1, 2), f(x...), provider::aws::arn_parse(v), f(\n  1,\n  2,\n)]\n'],
  ['operators and precedence', 'a = [1 + 2 * 3 - 4 / 5 % 6, a == b && c != d || !e, -x, - 1, !(a < b), a <= b, a > b ? c : d >= e ? f : g]\n'],
  ['conditionals', 'a = x ? y : z\nb = (x ? y : z) ? 1 : 2\nc = x ? (y ? 1 : 2) : 3\n'],
  ['for expressions', 'a = [for v in xs : v.id if v.on]\nb = {for k, v in m : k => v...}\nc = {for i, v in xs : v => i if i > 0}\nd = [for k, v in m : "${k}=${v}"]\n'],
  ['objects', 'a = {\n  x = 1\n  "y" = 2\n  (z) = 3\n  w: 4,\n  v = { u = [] }\n  a.b = 5\n  true = 6\n}\n'],
  ['templates', 'a = ["a${b}c", "${x}", "$${x} %%{y}", "\\n\\t\\"\\\\ \\u00e9 \\U0001F600", "x ${~ y ~} z", "${ a } ${b}", "${"nested ${c}"}", "${1}"]\n'],
  ['heredocs', 'a = <<EOT\nline ${x}\n  two $${y}\nEOT\nb = <<-EOT\n    indented\n      more ${z}\n    EOT\nc = <<EOT\nEOT\nd = <<X\nx\n  X   \n'],
  ['comments', '# one\n// two\n/* three\n   lines */\na = 1 # trailing\nb = [ # in a tuple\n  1, /* inline */ 2,\n]\nc = "# not a comment // nor /* this */"\nd = <<EOT\n# not a comment\nEOT\nresource "x#y" "z//" { # after a label\n}\n#'],
  ['CR LF line ends', 'a = 1\r\n# comment\r\nb = <<EOT\r\ntext\r\nEOT\r\nc = {\r\n  d = [1,\r\n  2]\r\n}\r\n'],
  ['unicode', '# é 👍🏽\na = "é 👍🏽 ${b} ü"\nc = { "ключ" = "значение" }\nd = e\u0301\n'],
  ['no trailing newline', 'a = 1'],
  ['empty file', ''],
  ['only comments', '# a\n'],
];

describe('the AST decoded from HCL equals the one converted from tree-sitter', () => {
  it.each(SAME)('%s', async (_name, source) => {
    expect(await goModelEquivalence('main.tf', source)).toEqual({ kind: 'same' });
  });

  it('leaves to tree-sitter what HCL rejects and what the module does not encode', async () => {
    expect(await goModelEquivalence('main.tf', 'a = \n')).toEqual({ kind: 'rejected' });
    expect(await goModelEquivalence('main.tf', 'a = "%{ if b }c%{ endif }"\n')).toEqual({ kind: 'fallback', reason: 'template directive' });
    expect(await goModelEquivalence('main.tf', `a = ${'('.repeat(120)}1${')'.repeat(120)}\n`)).toEqual({ kind: 'fallback', reason: 'deep nesting' });
    expect(await goModelEquivalence('main.tf', 'a = "${b /* c */}"\n')).toEqual({ kind: 'fallback', reason: 'interpolation markers' });
    expect(await goModelEquivalence('main.tf', 'a = x[*].b[*].c\n')).toEqual({ kind: 'fallback', reason: 'nested splat' });
  });

  // Every other IaC-Eval reference keeps this test near 2 s; scripts/check-go-model.ts --corpora runs them all.
  it('on the committed valid sources (parser fixtures, every other IaC-Eval reference)', async () => {
    const different: string[] = [];
    let same = 0;
    for (const { corpus, name, source } of corpusSources()) {
      if (corpus !== 'fixtures' && (corpus !== 'iac-eval' || Number(name) % 2 === 1)) continue;
      const result = await goModelEquivalence(name, source);
      if (result.kind === 'different') different.push(`${corpus} ${name}: ${result.detail}`);
      if (result.kind === 'same') same++;
    }
    expect(different).toEqual([]);
    expect(same).toBeGreaterThan(200);
  }, 30_000);

  it('is what parseHclFile returns for a file HCL accepts', async () => {
    const source = 'resource "a" "b" {\n  c = "d${e}"\n}\n# f\n';
    const before = goModelUse().decoded;
    const file = await parseHclFile('unique-1.tf', source);
    expect(goModelUse().decoded).toBe(before + 1);
    expect(JSON.stringify(file)).toBe(JSON.stringify(await parseHclFileWithTreeSitter('unique-1.tf', source)));
  });
});
