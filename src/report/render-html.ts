import type { RenderedChart } from './render-charts.ts';
import type { Table } from './render-tables.ts';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** One self-contained HTML page: tables + inline SVG charts, no external assets. */
export function renderHtml(title: string, subtitle: string, tables: Table[], charts: RenderedChart[]): string {
  const tableHtml = tables
    .map(
      (t) => `<section><h2>${escape(t.title)}</h2><table><thead><tr>${t.columns.map((c) => `<th>${escape(c)}</th>`).join('')}</tr></thead><tbody>${t.rows
        .map((r) => `<tr>${r.map((v) => `<td>${v === null ? '–' : escape(String(v))}</td>`).join('')}</tr>`)
        .join('')}</tbody></table></section>`,
    )
    .join('\n');
  const chartHtml = charts.map((c) => `<figure><figcaption>${escape(c.title)}</figcaption>${c.svg}</figure>`).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title>
<style>
body{font-family:system-ui,-apple-system,"DejaVu Sans",sans-serif;margin:2rem auto;max-width:1200px;color:#222}
table{border-collapse:collapse;margin:.5rem 0 1.5rem;font-size:.9rem}th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:right}
th:first-child,td:first-child{text-align:left}thead{background:#f3f3f3}figure{margin:1rem 0}figcaption{font-weight:600;margin-bottom:.5rem}
</style></head><body>
<h1>${escape(title)}</h1><p>${escape(subtitle)}</p>
${tableHtml}
<h2>Charts</h2>
${chartHtml}
</body></html>
`;
}
