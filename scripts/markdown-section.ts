// A generated section inside a Markdown file that other generators also write: the text between
// `<!-- BEGIN <name> -->` and `<!-- END <name> -->`, replaced in place (or appended when absent).
import { existsSync, readFileSync } from 'node:fs';

const markers = (name: string): [string, string] => [`<!-- BEGIN ${name} -->`, `<!-- END ${name} -->`];

/** The section (markers included) in a file, or '' when the file or section is absent. */
export function readSection(file: string, name: string): string {
  if (!existsSync(file)) return '';
  const text = readFileSync(file, 'utf8');
  const [begin, end] = markers(name);
  const i = text.indexOf(begin);
  const j = text.indexOf(end);
  return i >= 0 && j > i ? text.slice(i, j + end.length) : '';
}

/** `text` with the section replaced by `body` (appended when absent). */
export function withSection(text: string, name: string, body: string): string {
  const [begin, end] = markers(name);
  const block = `${begin}\n${body.trim()}\n${end}`;
  const i = text.indexOf(begin);
  const j = text.indexOf(end);
  if (i >= 0 && j > i) return text.slice(0, i) + block + text.slice(j + end.length);
  return `${text.trimEnd()}\n\n${block}\n`;
}
