import { createRequire } from 'node:module';
import type { Parser as ParserType, Tree } from 'web-tree-sitter';

const require = createRequire(import.meta.url);

let parserPromise: Promise<ParserType> | undefined;

/** The tree-sitter parser for Terraform's native syntax, initialised once per process. */
export function terraformParser(): Promise<ParserType> {
  parserPromise ??= (async () => {
    const { Parser, Language } = await import('web-tree-sitter');
    await Parser.init();
    const wasm = require.resolve('@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm');
    const language = await Language.load(wasm);
    const parser = new Parser();
    parser.setLanguage(language);
    return parser;
  })();
  return parserPromise;
}

/** Parses native-syntax source into a concrete syntax tree (always returns a tree; errors become ERROR nodes). */
export async function parseTree(source: string): Promise<Tree> {
  const parser = await terraformParser();
  const tree = parser.parse(source);
  if (!tree) throw new Error('tree-sitter returned no tree');
  return tree;
}
