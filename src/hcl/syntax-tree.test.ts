import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Node, Tree } from 'web-tree-sitter';
import { describe, expect, it } from 'vitest';
import { SyntaxTreeReader, type SyntaxNode } from './syntax-tree.ts';
import { maskForGrammar, readSyntaxTree, readsThroughBinding, terraformParser } from './tree-sitter.ts';

/**
 * The plain-object copy of a syntax tree must be exactly what web-tree-sitter's own Node API shows, whichever way it
 * is read: through the binding's C functions (the fast path) or through the public TreeCursor.
 */

interface Shape {
  type: string;
  start: number;
  end: number;
  named: boolean;
  missing: boolean;
  text: string;
  children: Shape[];
}

function fromNode(node: Node): Shape {
  return {
    type: node.type,
    start: node.startIndex,
    end: node.endIndex,
    named: node.isNamed,
    missing: node.isMissing,
    text: node.text,
    children: node.children.flatMap((child) => (child ? [fromNode(child)] : [])),
  };
}

function fromCopy(node: SyntaxNode): Shape {
  return {
    type: node.type,
    start: node.startIndex,
    end: node.endIndex,
    named: node.isNamed,
    missing: node.isMissing,
    text: node.text,
    children: node.children.map(fromCopy),
  };
}

function comments(shape: Shape): Shape[] {
  return [...(shape.type === 'comment' ? [shape] : []), ...shape.children.flatMap(comments)];
}

const FIXTURES = join(import.meta.dirname, '__fixtures__');
const tfFiles = (dir: string): Array<[string, string]> =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.tf'))
    .map((name): [string, string] => [name, readFileSync(join(dir, name), 'utf8')]);
const SOURCES: Array<[string, string]> = [
  ...tfFiles(FIXTURES),
  ...tfFiles(join(FIXTURES, 'syntax-errors')),
  ['unclosed block (missing nodes)', 'resource "a" "b" {\n  x = [1, 2\n'],
  ['error at the root', '}}} = = resource\n'],
  ['comments everywhere', '# top\nlocals { # after brace\n  a = 1 // inline\n  /* block */ b = "x${1}" }\n# end\n'],
  ['exponent numbers and unicode', 'a = 1e3\nb = "é👍🏽"\nc = <<-EOT\n  ${x} %{ if y }z%{ endif }\n  EOT\n'],
  ['empty', ''],
];

async function parse(source: string): Promise<{ tree: Tree; input: string }> {
  const input = maskForGrammar(source);
  const tree = (await terraformParser()).parse(input);
  if (!tree) throw new Error('no tree');
  return { tree, input };
}

describe('syntax tree copy', () => {
  it.each(SOURCES)('%s: the copy equals the Node API, read through the binding and through the public cursor', async (_name, source) => {
    const { tree, input } = await parse(source);
    try {
      const expected = fromNode(tree.rootNode);
      const fast = readSyntaxTree(tree, input);
      const viaBinding = fromCopy(fast.subtree());
      const fastComments = fast.comments.map(fromCopy);
      fast.close();
      const slow = new SyntaxTreeReader(tree, input);
      const viaPublic = fromCopy(slow.subtree());
      slow.close();
      expect(viaBinding).toEqual(expected);
      expect(viaPublic).toEqual(expected);
      expect(fastComments).toEqual(comments(expected));
    } finally {
      tree.delete();
    }
  });

  it('reads top-level items one at a time, the body wrapper replaced by its children', async () => {
    const { tree, input } = await parse('# a\nresource "x" "y" {\n  n = 1\n}\nb = 2\n');
    try {
      const expected = fromNode(tree.rootNode).children.flatMap((child) => (child.type === 'body' ? child.children : [child]));
      const reader = readSyntaxTree(tree, input);
      const items = [...reader.topLevel()].map(fromCopy);
      reader.close();
      expect(items.map((item) => item.type)).toEqual(['comment', 'block', 'attribute']);
      expect(items).toEqual(expected);
    } finally {
      tree.delete();
    }
  });

  it('finds the binding of the installed web-tree-sitter (without it every read takes the slow public path)', async () => {
    await terraformParser();
    expect(readsThroughBinding()).toBe(true);
  });
});
