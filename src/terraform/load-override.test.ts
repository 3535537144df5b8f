import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../core/diagnostics.ts';
import { parseHclFile } from '../hcl/parse.ts';
import { mergeOverrides } from './load-override.ts';

describe('mergeOverrides', () => {
  it("keeps a merged block's type and header ranges (made when read on a parsed block)", async () => {
    const primary = await parseHclFile(
      'main.tf',
      'resource "aws_sqs_queue" "q" {\n  name = "a"\n  lifecycle {\n    prevent_destroy = true\n  }\n}\n\nlocals {\n  a = 1\n}\n\nterraform {\n  required_version = ">= 1.0"\n}\n',
    );
    const override = await parseHclFile(
      'override.tf',
      'resource "aws_sqs_queue" "q" {\n  name = "b"\n  lifecycle {\n    create_before_destroy = true\n  }\n}\n\nlocals {\n  a = 2\n}\n\nterraform {\n  required_version = ">= 1.5"\n}\n',
    );
    const diagnostics: Diagnostic[] = [];
    const merged = mergeOverrides(primary.body.blocks, override.body.blocks, diagnostics);
    expect(diagnostics).toEqual([]);
    expect(merged).toHaveLength(3);
    for (const [i, block] of merged.entries()) {
      const base = primary.body.blocks[i]!;
      expect(block.body).not.toBe(base.body);
      expect(block.typeRange, block.type).toEqual(base.typeRange);
      expect(block.defRange, block.type).toEqual(base.defRange);
    }
    expect(merged[0]!.defRange).toEqual({ filename: 'main.tf', start: { line: 1, column: 1, byte: 0 }, end: { line: 1, column: 29, byte: 28 } });
    const lifecycle = merged[0]!.body.blocks[0]!;
    expect(lifecycle.body.attributes.map((a) => a.name)).toEqual(['prevent_destroy', 'create_before_destroy']);
    expect(lifecycle.typeRange).toEqual({ filename: 'main.tf', start: { line: 3, column: 3, byte: 46 }, end: { line: 3, column: 12, byte: 55 } });
    expect(lifecycle.defRange).toEqual(lifecycle.typeRange);
  });
});
