import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { InputError } from '../../core/errors.ts';
import type { KbDocument } from '../kb-document.ts';

const EXTENSIONS = new Set(['.md', '.markdown', '.mdx', '.txt', '.html', '.htm']);
const MAX_FILES = 5000;
const MAX_FILE_BYTES = 2_000_000;

/**
 * Markdown/HTML/text files under `dir` (recursively, symlinks not followed), split into sections at headings and
 * into chunks of at most `chunkChars`; HTML is reduced to text. Bounded: 5,000 files, 2 MB per file.
 */
export function userDocDocuments(dir: string, chunkChars = 1500): KbDocument[] {
  let stat;
  try {
    stat = statSync(dir);
  } catch {
    throw new InputError(`--docs ${dir}: no such directory`);
  }
  if (!stat.isDirectory()) throw new InputError(`--docs ${dir}: not a directory`);
  const documents: KbDocument[] = [];
  for (const file of listFiles(dir)) {
    const rel = relative(dir, file).split('\\').join('/');
    let text = readFileSync(file, 'utf8');
    if (/\.html?$/i.test(file)) text = htmlToText(text);
    sections(text, chunkChars).forEach((section, index) => {
      documents.push({ id: `doc:${rel}#${index + 1}`, kind: 'doc', title: section.title || rel, keywords: rel.replace(/[/._-]/g, ' '), text: section.body, source: rel });
    });
  }
  return documents;
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (current: string, depth: number): void => {
    if (depth > 20 || out.length >= MAX_FILES) return;
    for (const entry of readdirSync(current, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = join(current, entry.name);
      if (entry.isDirectory()) walk(path, depth + 1);
      else if (entry.isFile() && EXTENSIONS.has(extname(entry.name).toLowerCase()) && statSync(path).size <= MAX_FILE_BYTES) out.push(path);
    }
  };
  walk(dir, 0);
  return out;
}

/** Splits at Markdown headings (`#`..`######`), then into chunks on paragraph boundaries. */
export function sections(text: string, chunkChars: number): Array<{ title: string; body: string }> {
  const out: Array<{ title: string; body: string }> = [];
  let title = '';
  let buffer: string[] = [];
  const flush = (): void => {
    const body = buffer.join('\n').trim();
    buffer = [];
    if (!body) return;
    let chunk = '';
    for (const paragraph of body.split(/\n{2,}/)) {
      if (chunk && chunk.length + paragraph.length + 2 > chunkChars) {
        out.push({ title, body: chunk });
        chunk = '';
      }
      chunk = chunk ? `${chunk}\n\n${paragraph.slice(0, chunkChars)}` : paragraph.slice(0, chunkChars);
    }
    if (chunk) out.push({ title, body: chunk });
  };
  for (const line of text.split('\n')) {
    const heading = /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(line);
    if (heading) {
      flush();
      title = heading[1]!;
    }
    buffer.push(line);
  }
  flush();
  return out;
}

export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style|head)[\s\S]*?<\/\1>/gi, '')
    .replace(/<h([1-6])[^>]*>([\s\S]*?)<\/h\1>/gi, (_m, level: string, inner: string) => `\n${'#'.repeat(Number(level))} ${inner.replace(/<[^>]+>/g, '')}\n`)
    .replace(/<(br|\/p|\/div|\/li|\/tr|\/pre)[^>]*>/gi, '\n\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+\n/g, '\n');
}
