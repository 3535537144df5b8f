/** The ```ts blocks of a Markdown page, with the `## ` heading each stands under. */
export function tsExamples(markdown: string): Array<{ heading: string; code: string }> {
  const out: Array<{ heading: string; code: string }> = [];
  let heading = '';
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.startsWith('## ')) heading = line.slice(3);
    if (line === '```ts') {
      const end = lines.indexOf('```', i + 1);
      out.push({ heading, code: lines.slice(i + 1, end).join('\n') });
      i = end;
    }
  }
  return out;
}
