import { describe, expect, it } from 'vitest';
import { noItems } from '../hcl/ast.ts';
import { parseHclFile } from '../hcl/parse.ts';
import { resourceFromBlock } from './load-model.ts';

describe('resourceFromBlock', () => {
  const source = `resource "aws_sqs_queue" "plain" {
  name = "q"
}

resource "aws_sqs_queue" "counted" {
  count      = 2
  name       = "q"
  depends_on = [aws_sqs_queue.plain]
  provisioner "local-exec" {
    command = "true"
  }
  lifecycle {
    create_before_destroy = true
  }
}
`;

  it("uses the block's own body as the configuration when it has no meta-argument, and the shared empty list for none", async () => {
    const file = await parseHclFile('main.tf', source);
    const plain = resourceFromBlock(file.body.blocks[0]!);
    expect(plain.config).toBe(file.body.blocks[0]!.body);
    expect(plain.dependsOn).toBe(noItems());
    expect(plain.provisioners).toBe(noItems());
  });

  it('leaves meta-arguments out of the configuration', async () => {
    const file = await parseHclFile('main.tf', source);
    const block = file.body.blocks[1]!;
    const counted = resourceFromBlock(block);
    expect(counted.config).not.toBe(block.body);
    expect(counted.config.attributes.map((a) => a.name)).toEqual(['name']);
    expect(counted.config.blocks).toEqual([]);
    expect(counted.config.range).toBe(block.body.range);
    expect(counted.config.endRange).toBe(block.body.endRange);
    expect(counted.dependsOn).toHaveLength(1);
    expect(counted.provisioners.map((p) => p.labels)).toEqual([['local-exec']]);
    expect(counted.lifecycle?.type).toBe('lifecycle');
  });
});
