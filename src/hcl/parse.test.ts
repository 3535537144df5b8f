import { describe, expect, it } from 'vitest';
import type { Expression, HclFile } from './ast.ts';
import { parseHclFile } from './parse.ts';

/** Removes ranges so shapes can be compared exactly; ranges are tested separately below. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shape);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      if (key === 'range' || key === 'rootRange' || key === 'nameRange') continue;
      out[key] = shape(v);
    }
    return out;
  }
  return value;
}

async function expr(source: string): Promise<Expression> {
  const file = await parseHclFile('main.tf', `x = ${source}\n`);
  expect(file.syntaxErrors).toEqual([]);
  const attribute = file.body.attributes[0];
  if (!attribute) throw new Error('no attribute parsed');
  return attribute.expr;
}

const lit = (value: string | number | boolean | null, numberText?: string) =>
  numberText === undefined ? { kind: 'literal', value } : { kind: 'literal', value, numberText };
const trav = (root: string, ...steps: unknown[]) => ({ kind: 'traversal', root, steps });
const attr = (name: string) => ({ kind: 'attr', name });
const index = (key: unknown) => ({ kind: 'index', key });
const text = (value: string) => ({ kind: 'text', value });
const interp = (e: unknown, strip: { stripLeft?: boolean; stripRight?: boolean } = {}) => ({ kind: 'interpolation', expr: e, ...strip });

describe('parseHclFile expressions', () => {
  const cases: Array<[string, string, unknown]> = [
    ['integer', '42', lit(42, '42')],
    ['fraction', '1.5', lit(1.5, '1.5')],
    ['exponent with fraction', '2.5e3', lit(2500, '2.5e3')],
    ['exponent without fraction', '1e3', lit(1000, '1e3')],
    ['true', 'true', lit(true)],
    ['null', 'null', lit(null)],
    ['plain string', '"abc"', lit('abc')],
    ['string escapes', String.raw`"a\tb\nc\"d\\e\u00e9\U0001F600"`, lit('a\tb\nc"d\\eé😀')],
    ['template escapes', '"$${x} %%{y}"', lit('${x} %{y}')],
    ['interpolation', '"a-${var.b}-c"', { kind: 'template', parts: [text('a-'), interp(trav('var', attr('b'))), text('-c')] }],
    ['lone interpolation', '"${var.b}"', { kind: 'template', parts: [interp(trav('var', attr('b')))] }],
    [
      'strip markers',
      '"a  ${~ b ~}  c"',
      { kind: 'template', parts: [text('a'), interp(trav('b'), { stripLeft: true, stripRight: true }), text('c')] },
    ],
    [
      'if directive',
      '"%{ if c }yes%{ else }no%{ endif }"',
      { kind: 'template', parts: [{ kind: 'if', cond: trav('c'), then: [text('yes')], else: [text('no')] }] },
    ],
    [
      'for directive',
      '"%{ for k, v in m }${k}%{ endfor }"',
      { kind: 'template', parts: [{ kind: 'for', valueVar: 'v', keyVar: 'k', collection: trav('m'), body: [interp(trav('k'))] }] },
    ],
    ['scope traversal', 'aws_s3_bucket.b.tags["Name"]', trav('aws_s3_bucket', attr('b'), attr('tags'), index(lit('Name')))],
    ['computed index', 'aws_instance.w[count.index].id', trav('aws_instance', attr('w'), index(trav('count', attr('index'))), attr('id'))],
    ['legacy index', 'a.0.id', trav('a', index(lit(0, '0')), attr('id'))],
    ['full splat', 'a.b[*].c[0]', { kind: 'splat', source: trav('a', attr('b')), each: [attr('c'), index(lit(0, '0'))], full: true }],
    ['attribute splat', 'a.*.id', { kind: 'splat', source: trav('a'), each: [attr('id')], full: false }],
    [
      'relative traversal',
      'f(x).name[1]',
      { kind: 'relative', source: { kind: 'call', name: 'f', args: [trav('x')], expandFinal: false }, steps: [attr('name'), index(lit(1, '1'))] },
    ],
    ['parenthesised index', '(a)[0]', { kind: 'relative', source: { kind: 'parens', expr: trav('a') }, steps: [index(lit(0, '0'))] }],
    ['call with expansion', 'max(l...)', { kind: 'call', name: 'max', args: [trav('l')], expandFinal: true }],
    ['provider function', 'provider::aws::arn_parse("a")', { kind: 'call', name: 'provider::aws::arn_parse', args: [lit('a')], expandFinal: false }],
    ['tuple', '[1, "a", ]', { kind: 'tuple', items: [lit(1, '1'), lit('a')] }],
    [
      'object keys',
      '{ a = 1, "b" = 2, (c) = 3, d: 4 }',
      {
        kind: 'object',
        items: [
          { key: lit('a'), bareKey: true, value: lit(1, '1') },
          { key: lit('b'), bareKey: false, value: lit(2, '2') },
          { key: { kind: 'parens', expr: trav('c') }, bareKey: false, value: lit(3, '3') },
          { key: lit('d'), bareKey: true, value: lit(4, '4') },
        ],
      },
    ],
    [
      'multiplication binds tighter than addition',
      '1 + 2 * 3',
      { kind: 'binary', op: '+', left: lit(1, '1'), right: { kind: 'binary', op: '*', left: lit(2, '2'), right: lit(3, '3') } },
    ],
    [
      'subtraction is left-associative',
      'a - b - c',
      { kind: 'binary', op: '-', left: { kind: 'binary', op: '-', left: trav('a'), right: trav('b') }, right: trav('c') },
    ],
    [
      'logical precedence',
      'a || b && c == d',
      {
        kind: 'binary',
        op: '||',
        left: trav('a'),
        right: { kind: 'binary', op: '&&', left: trav('b'), right: { kind: 'binary', op: '==', left: trav('c'), right: trav('d') } },
      },
    ],
    ['unary binds tightest', '!a == b', { kind: 'binary', op: '==', left: { kind: 'unary', op: '!', operand: trav('a') }, right: trav('b') }],
    ['negated traversal', '-a.b', { kind: 'unary', op: '-', operand: trav('a', attr('b')) }],
    [
      'conditional is right-associative',
      'a ? 1 : b ? 2 : 3',
      { kind: 'conditional', condition: trav('a'), trueResult: lit(1, '1'), falseResult: { kind: 'conditional', condition: trav('b'), trueResult: lit(2, '2'), falseResult: lit(3, '3') } },
    ],
    [
      'conditional over comparison',
      'x > 1 ? "a" : "b"',
      { kind: 'conditional', condition: { kind: 'binary', op: '>', left: trav('x'), right: lit(1, '1') }, trueResult: lit('a'), falseResult: lit('b') },
    ],
    [
      'tuple for',
      '[for i, v in l : upper(v) if v != ""]',
      {
        kind: 'for',
        valueVar: 'v',
        collection: trav('l'),
        valueExpr: { kind: 'call', name: 'upper', args: [trav('v')], expandFinal: false },
        grouping: false,
        keyVar: 'i',
        condition: { kind: 'binary', op: '!=', left: trav('v'), right: lit('') },
      },
    ],
    [
      'object for with grouping',
      '{ for k, v in m : v => k... }',
      { kind: 'for', valueVar: 'v', collection: trav('m'), valueExpr: trav('k'), grouping: true, keyVar: 'k', keyExpr: trav('v') },
    ],
  ];

  it.each(cases)('%s', async (_name, source, expected) => {
    expect(shape(await expr(source))).toEqual(expected);
  });

  const heredocs: Array<[string, string, unknown]> = [
    ['plain heredoc keeps indentation', '<<EOT\n  a\n    b\nEOT', { kind: 'template', parts: [text('  a\n    b\n')], heredoc: { marker: 'EOT', indented: false } }],
    ['indented heredoc strips common indentation', '<<-EOT\n    a\n      b\n    EOT', { kind: 'template', parts: [text('a\n  b\n')], heredoc: { marker: 'EOT', indented: true } }],
    [
      'indented heredoc counts interpolation lines',
      '<<-EOT\n    a ${x}\n      b\n  EOT',
      { kind: 'template', parts: [text('a '), interp(trav('x')), text('\n  b\n')], heredoc: { marker: 'EOT', indented: true } },
    ],
    ['blank lines do not count', '<<-EOT\n    a\n\n    b\nEOT', { kind: 'template', parts: [text('a\n\nb\n')], heredoc: { marker: 'EOT', indented: true } }],
    ['escapes in heredocs', '<<EOT\n$${a} \\n\nEOT', { kind: 'template', parts: [text('${a} \\n\n')], heredoc: { marker: 'EOT', indented: false } }],
    ['empty heredoc', '<<EOT\nEOT', { kind: 'template', parts: [], heredoc: { marker: 'EOT', indented: false } }],
    [
      'strip marker after a directive removes the newline only',
      '<<EOT\n%{ for x in l ~}\n  ${x}\n%{ endfor ~}\nEOT',
      {
        kind: 'template',
        parts: [{ kind: 'for', valueVar: 'x', collection: trav('l'), body: [text('  '), interp(trav('x')), text('\n')] }],
        heredoc: { marker: 'EOT', indented: false },
      },
    ],
  ];

  it.each(heredocs)('%s', async (_name, source, expected) => {
    expect(shape(await expr(source))).toEqual(expected);
  });
});

describe('parseHclFile ranges', () => {
  it('gives blocks, labels, attributes and expressions Terraform positions', async () => {
    const source = 'resource "aws_s3_bucket" "b" {\n  bucket = "x-${var.n}"\n}\n';
    const file = await parseHclFile('main.tf', source);
    const block = file.body.blocks[0];
    expect(block?.range).toEqual({ filename: 'main.tf', start: { line: 1, column: 1, byte: 0 }, end: { line: 3, column: 2, byte: 56 } });
    expect(block?.typeRange).toEqual({ filename: 'main.tf', start: { line: 1, column: 1, byte: 0 }, end: { line: 1, column: 9, byte: 8 } });
    expect(block?.labelRanges).toEqual([
      { filename: 'main.tf', start: { line: 1, column: 10, byte: 9 }, end: { line: 1, column: 25, byte: 24 } },
      { filename: 'main.tf', start: { line: 1, column: 26, byte: 25 }, end: { line: 1, column: 29, byte: 28 } },
    ]);
    expect(block?.defRange).toEqual({ filename: 'main.tf', start: { line: 1, column: 1, byte: 0 }, end: { line: 1, column: 29, byte: 28 } });
    expect(block?.body.range).toEqual({ filename: 'main.tf', start: { line: 1, column: 30, byte: 29 }, end: { line: 3, column: 2, byte: 56 } });
    expect(block?.body.endRange).toEqual({ filename: 'main.tf', start: { line: 3, column: 1, byte: 55 }, end: { line: 3, column: 2, byte: 56 } });
    const attribute = block?.body.attributes[0];
    expect(attribute?.range).toEqual({ filename: 'main.tf', start: { line: 2, column: 3, byte: 33 }, end: { line: 2, column: 24, byte: 54 } });
    expect(attribute?.nameRange).toEqual({ filename: 'main.tf', start: { line: 2, column: 3, byte: 33 }, end: { line: 2, column: 9, byte: 39 } });
    const template = attribute?.expr;
    expect(template?.kind).toBe('template');
    if (template?.kind !== 'template') return;
    const part = template.parts[1];
    expect(part?.kind === 'interpolation' && part.expr.range).toEqual({ filename: 'main.tf', start: { line: 2, column: 17, byte: 47 }, end: { line: 2, column: 22, byte: 52 } });
  });

  it('counts columns in characters and offsets in UTF-8 bytes', async () => {
    const file = await parseHclFile('main.tf', 'a = "é😀"\nb = c\n');
    expect(file.body.attributes[0]?.expr.range).toEqual({ filename: 'main.tf', start: { line: 1, column: 5, byte: 4 }, end: { line: 1, column: 9, byte: 12 } });
    expect(file.body.attributes[1]?.expr.range).toEqual({ filename: 'main.tf', start: { line: 2, column: 5, byte: 17 }, end: { line: 2, column: 6, byte: 18 } });
  });

  it('counts columns in grapheme clusters, as HCL does', async () => {
    const file = await parseHclFile('main.tf', 'a = "e\u0301\u{1F44D}\u{1F3FD}" + b\n');
    const expr = file.body.attributes[0]?.expr;
    expect(expr?.kind === 'binary' && [expr.left.range, expr.right.range]).toEqual([
      { filename: 'main.tf', start: { line: 1, column: 5, byte: 4 }, end: { line: 1, column: 9, byte: 17 } },
      { filename: 'main.tf', start: { line: 1, column: 12, byte: 20 }, end: { line: 1, column: 13, byte: 21 } },
    ]);
  });

  it('ranges traversal steps including their punctuation', async () => {
    const e = await expr('a.b[0]');
    expect(e.kind).toBe('traversal');
    if (e.kind !== 'traversal') return;
    expect(e.rootRange.start.column).toBe(5);
    expect(e.steps.map((s) => [s.range.start.column, s.range.end.column])).toEqual([
      [6, 8],
      [8, 11],
    ]);
  });
});

describe('parseHclFile files', () => {
  it('keeps duplicate attributes, nested blocks and identifier labels in order', async () => {
    const file = await parseHclFile('main.tf', 'a = 1\na = 2\nblk one "two" {\n  inner {\n  }\n  inner {}\n}\n');
    expect(file.body.attributes.map((a) => a.name)).toEqual(['a', 'a']);
    expect(file.body.blocks.map((b) => [b.type, b.labels, b.body.blocks.map((i) => i.type)])).toEqual([['blk', ['one', 'two'], ['inner', 'inner']]]);
  });

  it('captures comments of every style with their lines', async () => {
    const file = await parseHclFile('main.tf', '# one\nresource "a" "b" { // two\n  /* three\n  */ x = 1 #checkov:skip=CKV_AWS_1\n}\n');
    expect(file.comments).toEqual([
      { text: '# one', line: 1 },
      { text: '// two', line: 2 },
      { text: '/* three\n  */', line: 3 },
      { text: '#checkov:skip=CKV_AWS_1', line: 4 },
    ]);
  });

  const broken: Array<[string, string, string[]]> = [
    ['an unclosed block', 'resource "a" "one" {\n  x = 1\nresource "a" "two" {\n  y = 2\n}\nresource "a" "three" {\n  z = 3\n}\n', ['one:x', 'two:y', 'three:z']],
    ['a missing value', 'resource "a" "one" {\n  x = \n}\nresource "a" "two" {\n  y = 2\n}\n', ['one:', 'two:y']],
    ['an unterminated string', 'resource "a" "one" {\n  x = "oops\n}\nresource "a" "two" {\n  y = 2\n}\n', ['one:x', 'two:y']],
    ['an extra closing brace', 'resource "a" "one" {\n  x = 1\n}\n}\nresource "a" "two" {\n  y = 2\n}\n', ['one:x', 'two:y']],
    [
      'a heredoc with column-1 assignments',
      'resource "a" "one" {\n  x = <<EOF\nFOO = bar\nEOF\n  y = [1 2]\n}\nresource "a" "two" {\n  z = 2\n}\n',
      ['one:x', 'two:z'],
    ],
  ];
  it.each(broken)('recovers every top-level block after %s', async (_name, source, expected) => {
    const file = await parseHclFile('main.tf', source);
    expect(file.syntaxErrors.length).toBeGreaterThan(0);
    expect(file.body.blocks.map((b) => `${b.labels[1]}:${b.body.attributes.map((a) => a.name).join(',')}`)).toEqual(expected);
  });

  it('keeps file positions in recovered blocks', async () => {
    const file = await parseHclFile('main.tf', 'resource "a" "one" {\n  x = 1\nresource "a" "two" {\n  y = 2\n}\n# note\n');
    expect(file.body.blocks[1]?.body.attributes[0]?.range).toEqual({ filename: 'main.tf', start: { line: 4, column: 3, byte: 52 }, end: { line: 4, column: 8, byte: 57 } });
    expect(file.comments).toEqual([{ text: '# note', line: 6 }]);
  });

  it('recovers blocks from a file with a syntax error', async () => {
    const file: HclFile = await parseHclFile('main.tf', 'resource "a" "ok" {\n  x = 1\n}\nresource "a" "broken" {\n  y = \n}\n');
    expect(file.syntaxErrors.map((d) => d.summary)).toEqual(['Invalid expression']);
    expect(file.body.blocks.map((b) => b.labels[1])).toContain('ok');
  });

  const deep: Array<[string, string]> = [
    ['tuples', `x = ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`],
    ['objects', `x = ${'{a = '.repeat(10_000)}1${'}'.repeat(10_000)}\n`],
    ['templates', `x = ${'"${'.repeat(10_000)}1${'}"'.repeat(10_000)}\n`],
    ['blocks', `${'a {\n'.repeat(10_000)}${'}\n'.repeat(10_000)}`],
    ['unclosed brackets', `x = ${'['.repeat(10_000)}\n`],
    ['operators', `x = 1${' + 1'.repeat(10_000)}\n`],
    ['conditionals', `x = ${'a ? 1 : '.repeat(10_000)}2\n`],
  ];
  it.each(deep)('bounds nesting of 10,000 %s with one clear diagnostic', async (_name, source) => {
    const file = await parseHclFile('main.tf', source);
    expect(file.syntaxErrors.map((d) => [d.summary, d.code])).toEqual([['Nesting too deep', 'nesting-too-deep']]);
  });

  it('does not mistake a constant-folding failure in hcl2json for a syntax error', async () => {
    // hcl2json parses, then fails to fold `-false` to JSON; Terraform reports that only when evaluating.
    for (const source of ['x = -false\n', 'x = !17\n']) {
      expect((await parseHclFile('main.tf', source)).syntaxErrors).toEqual([]);
    }
    expect((await parseHclFile('main.tf', 'locals {\n  a = 1\n')).syntaxErrors.map((d) => d.summary)).toEqual(['Unclosed configuration block']);
  });

  it('still parses normally after refusing deep input', async () => {
    await parseHclFile('main.tf', `x = ${'"${'.repeat(5_000)}1${'}"'.repeat(5_000)}\n`);
    const file = await parseHclFile('main.tf', 'locals {\n  a = 1\n');
    expect(file.syntaxErrors.map((d) => d.summary)).toEqual(['Unclosed configuration block']);
  });
});

describe('topLevelSections', () => {
  const cases: Array<[string, string, string[]]> = [
    ['splits at block headers', 'resource "a" "b" {\n  x = 1\nresource "a" "c" {\n}\n', ['resource "a" "b"', 'resource "a" "c"']],
    ['keeps unindented arguments inside their block', 'resource "a" "b" {\nx = 1\ny = [\n1,\n]\n}\noutput "o" {\nvalue = 1\n}\n', ['resource "a" "b"', 'output "o"']],
    ['splits top-level arguments where brackets are balanced', 'a = 1\nb = [\nc = 2\n]\nd = 3\n', ['a = 1', 'b = [', 'd = 3']],
    ['ignores heredoc bodies and block comments', 'locals {\n  x = <<EOT\nresource "a" "b" {\nEOT\n}\n/*\nresource "x" "y" {\n*/\nvariable "v" {}\n', ['locals', 'variable "v" {}']],
  ];
  it.each(cases)('%s', async (_name, source, firstLines) => {
    const { topLevelSections } = await import('./recover.ts');
    expect(topLevelSections(source).map(([start]) => source.slice(start).split('\n')[0]?.replace(/ \{$/, ''))).toEqual(firstLines);
  });
});
