import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHclFile } from './parse.ts';

const FIXTURES = join(import.meta.dirname, '__fixtures__', 'json');

/** The AST without positions and without the native-only `bareKey` flag. */
function normalize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalize);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      if (key.endsWith('ange') || key === 'labelRanges' || key === 'bareKey' || key === 'jsonString') continue;
      out[key] = normalize(v);
    }
    return out;
  }
  return value;
}

describe('Terraform JSON syntax', () => {
  it('reads main.tf.json into the same AST as the equivalent main.tf', async () => {
    const native = await parseHclFile('main.tf', readFileSync(join(FIXTURES, 'main.tf'), 'utf8'));
    const json = await parseHclFile('main.tf.json', readFileSync(join(FIXTURES, 'main.tf.json'), 'utf8'));
    expect(json.syntaxErrors).toEqual([]);
    expect(normalize(json.body)).toEqual(normalize(native.body));
    expect(json.comments).toEqual([{ text: "The same configuration as main.tf, in Terraform's JSON syntax.", line: 2 }]);
  });

  it('positions expressions inside JSON strings at their characters', async () => {
    const source = '{"output": {"a": {"value": "id-${var.x}"}}}';
    const file = await parseHclFile('o.tf.json', source);
    const expr = file.body.blocks[0]?.body.attributes[0]?.expr;
    expect(expr?.kind).toBe('template');
    if (expr?.kind !== 'template' || expr.parts[1]?.kind !== 'interpolation') return;
    expect(expr.range).toEqual({ filename: 'o.tf.json', start: { line: 1, column: 28, byte: 27 }, end: { line: 1, column: 41, byte: 40 } });
    expect(expr.parts[1].expr.range).toEqual({ filename: 'o.tf.json', start: { line: 1, column: 34, byte: 33 }, end: { line: 1, column: 39, byte: 38 } });
  });

  it('keeps a string that is one interpolation a template spanning the JSON string', async () => {
    const file = await parseHclFile('o.tf.json', '{"output": {"a": {"value": "${var.x}"}}}');
    const expr = file.body.blocks[0]?.body.attributes[0]?.expr;
    expect(expr?.kind === 'template' && [expr.range.start.column, expr.range.end.column, expr.parts.map((p) => p.kind)]).toEqual([28, 38, ['interpolation']]);
  });

  it('reads a provider given as an array of configurations', async () => {
    const file = await parseHclFile('p.tf.json', '{"provider": {"aws": [{"region": "us-east-1"}, {"alias": "west", "region": "us-west-2"}]}}');
    expect(file.body.blocks.map((b) => [b.type, b.labels, b.body.attributes.map((a) => a.name)])).toEqual([
      ['provider', ['aws'], ['region']],
      ['provider', ['aws'], ['alias', 'region']],
    ]);
  });

  it('keeps tfvars.json values literal', async () => {
    const file = await parseHclFile('terraform.tfvars.json', '{"name": "${not_a_template}", "n": 3}');
    expect(file.body.attributes.map((a) => a.expr.kind === 'literal' && a.expr.value)).toEqual(['${not_a_template}', 3]);
  });

  // Syntax errors are compared with recorded `terraform validate -json` output in syntax-errors.test.ts.
  const structure: Array<[string, string, string[]]> = [
    ['a root array of non-objects', '[1]', ['Incorrect JSON value type']],
    ['a root string', '"x"', ['Root value must be object']],
    ['a block type whose value is a string', '{"variable": "x"}', ['Incorrect JSON value type']],
    ['a broken template in a string', '{"locals": {"a": "${a b}"}}', ['Extra characters after interpolation expression']],
  ];
  it.each(structure)('reports %s', async (_name, source, summaries) => {
    const file = await parseHclFile('x.tf.json', source);
    expect(file.syntaxErrors.map((d) => d.summary)).toEqual(summaries);
  });

  it('bounds nesting depth', async () => {
    const file = await parseHclFile('deep.tf.json', `{"locals": {"x": ${'['.repeat(10_000)}${']'.repeat(10_000)}}}`);
    expect(file.syntaxErrors.map((d) => [d.summary, d.code])).toEqual([['Nesting too deep', 'nesting-too-deep']]);
  });
});

describe('jsonBodyWithBlocks', () => {
  it('turns schema block types into blocks, recursively, leaving map arguments alone', async () => {
    const { jsonBodyWithBlocks } = await import('./json-blocks.ts');
    const source = JSON.stringify({
      resource: {
        aws_s3_bucket: {
          b: {
            bucket: 'x',
            tags: { Name: 'n' },
            versioning: { enabled: true },
            lifecycle_rule: [{ id: 'a', expiration: { days: 1 } }, { id: 'b' }],
          },
        },
      },
    });
    const file = await parseHclFile('main.tf.json', source);
    const resource = file.body.blocks[0];
    if (!resource) throw new Error('no resource');
    const blockTypes = new Set(['versioning', 'lifecycle_rule', 'lifecycle_rule/expiration']);
    const body = jsonBodyWithBlocks(resource.body, (name, path) => blockTypes.has([...path, name].join('/')));
    expect(body.attributes.map((a) => a.name)).toEqual(['bucket', 'tags']);
    expect(body.blocks.map((b) => [b.type, b.body.attributes.map((a) => a.name), b.body.blocks.map((n) => n.type)])).toEqual([
      ['versioning', ['enabled'], []],
      ['lifecycle_rule', ['id'], ['expiration']],
      ['lifecycle_rule', ['id'], []],
    ]);
    expect(body.blocks[0]?.typeRange.start.column).toBe(source.indexOf('"versioning"') + 1);
    expect(resource.body.attributes.map((a) => a.name)).toEqual(['bucket', 'tags', 'versioning', 'lifecycle_rule']);
  });
});
