import type { RenderedChart } from './render-charts.ts';
import { describeRun, reportSections, type ReportDocument } from './report-document.ts';
import { formatCell, type Table } from './render-tables.ts';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Vega numbers its clip paths and gradients from 1 in every SVG: inline, the ids must differ per chart. */
export function scopeSvgIds(svg: string, prefix: string): string {
  return svg.replace(/\bid="([^"]+)"/g, `id="${prefix}-$1"`).replace(/url\(#([^)]+)\)/g, `url(#${prefix}-$1)`).replace(/href="#([^"]+)"/g, `href="#${prefix}-$1"`);
}

/** A table; `sortable` adds a button per column header (numbers sort by value, dashes and words last). */
function tableHtml(t: Table, options: { sortable?: boolean; heading?: 'h2' | 'h3' } = {}): string {
  const heading = options.heading ?? 'h3';
  // The column naming what a row is about (a model, a scanner) wraps long names instead of widening the table.
  const nameColumn = t.columns.findIndex((c) => c === 'model' || c === 'scanner');
  const textColumn = (i: number) => t.rows.every((r) => r[i] === null || typeof r[i] === 'string');
  const nameClass = (i: number) => (i === nameColumn ? ' class="name"' : textColumn(i) ? ' class="text"' : '');
  const head = t.columns
    .map((c, i) => (options.sortable ? `<th scope="col"${nameClass(i)}><button type="button">${escape(c)}</button></th>` : `<th scope="col"${nameClass(i)}>${escape(c)}</th>`))
    .join('');
  const body = t.rows
    .map(
      (r) =>
        `<tr>${r
          .map((v, i) => {
            const value = typeof v === 'number' ? ` data-value="${v}"` : '';
            const text = escape(formatCell(v, t.digits?.[i]));
            if (i === nameColumn) return `<td${value} class="name">${text.replace(/([:/_.])/g, '$1<wbr>')}</td>`;
            const kind = typeof v === 'number' || v === null ? '' : String(v).length > 16 ? ' class="prose"' : ' class="text"';
            return `<td${value}${kind}>${text}</td>`;
          })
          .join('')}</tr>`,
    )
    .join('\n');
  return `<section id="table-${t.name}"><${heading}>${escape(t.title)}</${heading}>
<div class="table-wrap"><table${options.sortable ? ' class="sortable"' : ''}><thead><tr>${head}</tr></thead><tbody>
${body}
</tbody></table></div>${t.note ? `<p class="note">${escape(t.note)}</p>` : ''}</section>`;
}

function figureHtml(c: RenderedChart): string {
  // The chart draws its own title; the caption under it says how to read it.
  return `<figure id="figure-${c.name}" aria-label="${escape(c.title)}" data-legend="${escape(JSON.stringify(c.legend))}">
<div class="chart">${scopeSvgIds(c.svg, c.name)}</div><figcaption class="note">${escape(c.caption)}</figcaption></figure>`;
}

const SORT_SCRIPT = `
for (const table of document.querySelectorAll('table.sortable')) {
  const headers = [...table.tHead.rows[0].cells];
  headers.forEach((th, column) => th.querySelector('button').addEventListener('click', () => {
    const ascending = th.getAttribute('aria-sort') !== 'ascending';
    for (const h of headers) h.removeAttribute('aria-sort');
    th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
    const body = table.tBodies[0];
    const key = (row) => row.cells[column].dataset.value;
    const rows = [...body.rows].sort((a, b) => {
      const x = key(a), y = key(b);
      if (x === undefined || y === undefined) {
        if (x !== undefined) return -1;
        if (y !== undefined) return 1;
        return (ascending ? 1 : -1) * a.cells[column].textContent.localeCompare(b.cells[column].textContent);
      }
      return (ascending ? 1 : -1) * (Number(x) - Number(y));
    });
    for (const row of rows) body.appendChild(row);
  }));
}`;

const STYLE = `
body{font-family:"DejaVu Sans",system-ui,-apple-system,sans-serif;margin:1.5rem auto;max-width:1320px;padding:0 1rem;color:#222;line-height:1.4}
h1{margin:.2rem 0 .6rem}h2{margin-top:2rem;border-bottom:1px solid #ddd}h3{margin:1.2rem 0 .3rem;font-size:1.05rem}
.runs li{overflow-wrap:anywhere}
.table-wrap{max-width:100%;overflow-x:auto}
table{border-collapse:collapse;margin:.4rem 0 .4rem;font-size:.8rem}
th,td{border:1px solid #ccc;padding:.2rem .3rem;text-align:right;vertical-align:top}
th{background:#f3f3f3;font-weight:600}
td.text{text-align:left;white-space:nowrap}td.prose{text-align:left;max-width:40rem;overflow-wrap:anywhere}
th.name,td.name{text-align:left;min-width:10rem;max-width:16rem;overflow-wrap:anywhere}
table.sortable th button{all:unset;cursor:pointer;display:block;width:100%}
table.sortable th[aria-sort=ascending] button::after{content:" ▲"}table.sortable th[aria-sort=descending] button::after{content:" ▼"}
.note{color:#555;font-size:.85rem;margin:.2rem 0 .8rem;max-width:70rem}
figure{margin:1.8rem 0}th.text{text-align:left}
.chart{max-width:100%}.chart svg{max-width:100%;height:auto;display:block}
`;

/** One self-contained HTML page (no external assets): runs, sortable leaderboard, figures, judge health, tables. */
export function renderHtml(document: ReportDocument): string {
  const { leaderboard, judgeHealth, details } = reportSections(document);
  const runs = document.summary.runs.map((r) => `<li>${escape(describeRun(r))}</li>`).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(document.title)}</title>
<style>${STYLE}</style></head><body>
<h1>${escape(document.title)}</h1>
<p>${document.summary.runs.length} model(s) compared:</p>
<ul class="runs">
${runs}
</ul>
${leaderboard ? tableHtml(leaderboard, { sortable: true, heading: 'h2' }) : ''}
${document.charts.length ? `<h2>Figures</h2>\n${document.charts.map(figureHtml).join('\n')}` : ''}
${judgeHealth ? tableHtml(judgeHealth, { heading: 'h2' }) : ''}
<h2>Tables</h2>
${details.map((t) => tableHtml(t)).join('\n')}
<script>${SORT_SCRIPT}</script>
</body></html>
`;
}
