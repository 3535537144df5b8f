import type { Parser as ParserType, Tree } from 'web-tree-sitter';
import { assetPath } from '../core/package-root.ts';
import { isTreeSitterBinding, SyntaxTreeReader, type SyntaxNode, type TreeSitterBinding } from './syntax-tree.ts';
import { raiseWasmTieringBudget } from './wasm-tiering.ts';

let parserPromise: Promise<ParserType> | undefined;
/** web-tree-sitter's exported C functions, when this process initialised it (see `TreeSitterBinding`). */
let binding: TreeSitterBinding | undefined;

/** The tree-sitter parser for Terraform's native syntax, initialised once per process. */
export function terraformParser(): Promise<ParserType> {
  parserPromise ??= (async () => {
    const { Parser, Language } = await import('web-tree-sitter');
    raiseWasmTieringBudget();
    // Emscripten makes the options object given to init its module object, which then carries the binding's C
    // functions: the tree reader walks trees through them (syntax-tree.ts), and through the public API without them.
    const module = {};
    await Parser.init(module);
    if (isTreeSitterBinding(module)) binding = module;
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

/**
 * Parses native-syntax source into a concrete syntax tree (always returns a tree; errors become ERROR nodes), with the
 * text it was parsed from (`maskForGrammar(source)`).
 */
export async function parseTree(source: string): Promise<{ tree: Tree; input: string }> {
  const parser = await terraformParser();
  const input = maskForGrammar(source);
  const tree = parser.parse(input);
  if (!tree) throw new Error('tree-sitter returned no tree');
  return { tree, input };
}

/** Whether trees are read through web-tree-sitter's binding (the fast path of syntax-tree.ts); false before the parser is ready. */
export function readsThroughBinding(): boolean {
  return binding !== undefined;
}

/** A reader of `tree`, parsed from `input`, into plain objects (close it before the next use of web-tree-sitter). */
export function readSyntaxTree(tree: Tree, input: string): SyntaxTreeReader {
  return new SyntaxTreeReader(tree, input, binding);
}

/** The whole of `tree`, parsed from `input`, as plain objects. */
export function readWholeTree(tree: Tree, input: string): SyntaxNode {
  const reader = readSyntaxTree(tree, input);
  try {
    return reader.subtree();
  } finally {
    reader.close();
  }
}
