import { describe, expect, it } from 'vitest';
import { noItems, type Block, type Expression } from './ast.ts';
import { parseHclFile, parseHclFileWithTreeSitter } from './parse.ts';

// A model shares what many of its nodes hold equal and never change (one frozen empty list: `noItems`), and makes the
// ranges that follow from others when read: an attribute's name range and a block's type and header ranges
// (`ConvertContext.attribute`, `ConvertContext.block`).
const SOURCE = `resource "aws_s3_bucket" "a" {
  bucket = "a"
  tags   = {}
}

resource "aws_s3_bucket" "b" {
  bucket = timestamp()
  list   = []
  versioning_configuration {
    status = "Enabled"
  }
}
`;

describe.each([
  ['HCL (go-model decoder)', parseHclFile],
  ['tree-sitter', parseHclFileWithTreeSitter],
])('a model parsed by %s', (_name, parse) => {
  it('shares one frozen empty list for every node without items', async () => {
    const file = await parse('main.tf', SOURCE);
    const [a, b] = file.body.blocks as [Block, Block];
    const nested = b.body.blocks[0]!;
    const expr = (block: Block, name: string): Expression => block.body.attributes.find((x) => x.name === name)!.expr;
    const empty = noItems();
    expect(Object.isFrozen(empty)).toBe(true);
    expect(a.body.blocks).toBe(empty);
    expect(nested.body.blocks).toBe(empty);
    expect(nested.labels).toBe(empty);
    expect(nested.labelRanges).toBe(empty);
    const call = expr(b, 'bucket');
    expect(call.kind === 'call' && call.args).toBe(empty);
    const list = expr(b, 'list');
    expect(list.kind === 'tuple' && list.items).toBe(empty);
    const tags = expr(a, 'tags');
    expect(tags.kind === 'object' && tags.items).toBe(empty);
    // a list with items is its own
    expect(b.body.attributes).not.toBe(empty);
    expect(b.labels).toEqual(['aws_s3_bucket', 'b']);
  });

  it('makes an attribute\'s name range from its range when read (the name starts it), the same in its JSON form', async () => {
    const file = await parse('main.tf', 'locals {\n  naïve_ünïcode = "x"\n  b = 1\n}\n');
    const [first, second] = file.body.blocks[0]!.body.attributes;
    expect(Object.hasOwn(first!, 'nameRange')).toBe(false);
    expect(first!.nameRange).toEqual({ filename: 'main.tf', start: { line: 2, column: 3, byte: 11 }, end: { line: 2, column: 16, byte: 27 } });
    expect(second!.nameRange).toEqual({ filename: 'main.tf', start: { line: 3, column: 3, byte: 36 }, end: { line: 3, column: 4, byte: 37 } });
    expect(JSON.parse(JSON.stringify(first))).toMatchObject({ name: 'naïve_ünïcode', nameRange: { start: { byte: 11 }, end: { byte: 27 } }, range: { end: { byte: 33 } } });
  });

  it('makes a block\'s type and header ranges from its range when read (the type keyword starts it)', async () => {
    const file = await parse('main.tf', SOURCE);
    const labelled = file.body.blocks[0]!;
    const nested = file.body.blocks[1]!.body.blocks[0]!;
    for (const block of [labelled, nested]) {
      expect(Object.hasOwn(block, 'typeRange')).toBe(false);
      expect(Object.hasOwn(block, 'defRange')).toBe(false);
    }
    expect(labelled.typeRange).toEqual({ filename: 'main.tf', start: { line: 1, column: 1, byte: 0 }, end: { line: 1, column: 9, byte: 8 } });
    expect(labelled.defRange).toEqual({ filename: 'main.tf', start: { line: 1, column: 1, byte: 0 }, end: { line: 1, column: 29, byte: 28 } });
    // without labels, the header is the type keyword
    const keyword = { filename: 'main.tf', start: { line: 9, column: 3, byte: 133 }, end: { line: 9, column: 27, byte: 157 } };
    expect(nested.typeRange).toEqual(keyword);
    expect(nested.defRange).toEqual(keyword);
    expect(JSON.parse(JSON.stringify(nested))).toMatchObject({ type: 'versioning_configuration', typeRange: { end: { byte: 157 } }, defRange: { end: { byte: 157 } } });
  });
});
