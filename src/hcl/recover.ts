import type { Parser } from 'web-tree-sitter';
import type { Body, HclFile } from './ast.ts';
import { convertTree } from './convert-body.ts';
import { ConvertContext } from './convert-context.ts';
import { convertExpressionNode } from './convert-expression.ts';
import { maskForGrammar, readSyntaxTree } from './tree-sitter.ts';

/**
 * Better recovery for files with syntax errors. One unclosed brace or string makes a whole-file parse
 * swallow every block after it, so a broken file is cut into top-level sections (see `topLevelSections`)
 * and each section is parsed on its own: the sections without errors come back whole, and only the
 * broken one is partial.
 */

/** A top-level block header at column 1: a block type Terraform knows, labels, `{`. */
const BLOCK_HEADER = /^(?:resource|data|ephemeral|module|variable|output|locals|provider|terraform|moved|import|removed|check)(?:[ \t]+(?:"(?:[^"\\\n]|\\.)*"|[A-Za-z_][A-Za-z0-9_-]*))*[ \t]*\{/;
/** Any header or argument at column 1 (`type "label" {`, `name =`), used where brackets are balanced. */
const ITEM_START = /^[A-Za-z_][A-Za-z0-9_-]*(?:[ \t]+(?:"(?:[^"\\\n]|\\.)*"|[A-Za-z_][A-Za-z0-9_-]*))*[ \t]*(?:\{|=)/;
const HEREDOC_START = /<<-?([A-Za-z_][A-Za-z0-9_-]*)[ \t]*\r?$/;

/** Sections are not used beyond these sizes (each section is a separate parse). */
const MAX_SECTIONS = 2000;
const MAX_SOURCE = 1024 * 1024;

/**
 * Bracket depth at the end of `line`, starting from `depth`: a rough count that skips quoted strings and
 * comments (good enough to tell top-level lines from nested ones in a file that is broken anyway).
 */
function depthAfter(line: string, depth: number): number {
  let d = depth;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '#' || (c === '/' && line[i + 1] === '/')) break;
    if (c === '"') {
      for (i++; i < line.length && line[i] !== '"'; i++) if (line[i] === '\\') i++;
    } else if (c === '{' || c === '[' || c === '(') d++;
    else if (c === '}' || c === ']' || c === ')') d = Math.max(0, d - 1);
  }
  return d;
}

/**
 * [start, end) of each top-level section of `source`. A section starts at a known top-level block header
 * at column 1, or at any `type {` / `name =` line at column 1 where brackets are balanced; heredoc bodies
 * and block comments never start one.
 */
export function topLevelSections(source: string): Array<[number, number]> {
  const starts: number[] = [0];
  let heredoc: string | undefined;
  let inComment = false;
  let depth = 0;
  let offset = 0;
  for (const line of source.split('\n')) {
    if (heredoc !== undefined) {
      if (line.trim() === heredoc) heredoc = undefined;
    } else if (inComment) {
      if (line.includes('*/')) inComment = false;
    } else {
      if (offset > 0 && (BLOCK_HEADER.test(line) || (depth === 0 && ITEM_START.test(line)))) {
        starts.push(offset);
        depth = 0;
      }
      const marker = HEREDOC_START.exec(line);
      const trimmed = line.trimStart();
      if (marker && !trimmed.startsWith('#') && !trimmed.startsWith('//')) heredoc = marker[1];
      if (trimmed.startsWith('/*') && !line.includes('*/')) inComment = true;
      depth = depthAfter(line, depth);
    }
    offset += line.length + 1;
  }
  return starts.map((start, i) => [start, starts[i + 1] ?? source.length]);
}

/** Re-reads the body and comments of a broken file section by section; undefined when not worthwhile. */
export function recoverBySections(parser: Parser, file: Pick<HclFile, 'filename' | 'source'>, ctx: ConvertContext): { body: Body; comments: HclFile['comments'] } | undefined {
  const { source } = file;
  if (source.length > MAX_SOURCE) return undefined;
  const sections = topLevelSections(source);
  if (sections.length < 2 || sections.length > MAX_SECTIONS) return undefined;
  const body: Body = { attributes: [], blocks: [], range: ctx.range(0, source.length) };
  const comments: HclFile['comments'] = [];
  for (const [start, end] of sections) {
    const text = source.slice(start, end);
    const input = maskForGrammar(text);
    const tree = parser.parse(input);
    if (!tree) continue;
    try {
      const sub = new ConvertContext(file.filename, text, ctx.positions, (index) => start + index);
      sub.expressionConverter = convertExpressionNode;
      const sectionComments = convertTree(sub, readSyntaxTree(tree, input), body);
      ctx.diagnostics.push(...sub.diagnostics);
      for (const node of sectionComments) {
        comments.push({ text: text.slice(node.startIndex, node.endIndex), line: ctx.positions.pos(start + node.startIndex).line });
      }
    } finally {
      tree.delete();
    }
  }
  return { body, comments };
}
