import type { Parser as ParserType, Tree } from 'web-tree-sitter';
import { assetPath } from '../core/package-root.ts';

let parserPromise: Promise<ParserType> | undefined;

/** The tree-sitter parser for Terraform's native syntax, initialised once per process. */
export function terraformParser(): Promise<ParserType> {
  parserPromise ??= (async () => {
    const { Parser, Language } = await import('web-tree-sitter');
    await Parser.init();
    // tree-sitter-grammars/tree-sitter-hcl's Terraform grammar, bundled (assets/grammars/README.md).
    const wasm = assetPath('grammars', 'tree-sitter-terraform.wasm');
    const language = await Language.load(wasm);
    const parser = new Parser();
    parser.setLanguage(language);
    return parser;
  })();
  return parserPromise;
}

/** A number with an exponent but no fraction digits (`1e3`, `1.e3`), which HCL accepts and the grammar does not. */
const EXPONENT_NUMBER = /(?<=(?:^|[^\p{ID_Continue}.\-])-?)\d+\.?[eE][-+]?\d+(?!\p{ID_Continue})/gmu;

/**
 * The text given to tree-sitter: the source with `1e3`-style numbers replaced by digits of the same
 * length, so the grammar sees a number and every position is unchanged. Converters read token text
 * from the original source, never from the tree.
 */
export function maskForGrammar(source: string): string {
  if (!/\d\.?[eE]/.test(source)) return source;
  return source.replace(EXPONENT_NUMBER, (match) => '0'.repeat(match.length));
}

/** Parses native-syntax source into a concrete syntax tree (always returns a tree; errors become ERROR nodes). */
export async function parseTree(source: string): Promise<Tree> {
  const parser = await terraformParser();
  const tree = parser.parse(maskForGrammar(source));
  if (!tree) throw new Error('tree-sitter returned no tree');
  return tree;
}
