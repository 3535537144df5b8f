import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../core/errors.ts';
import type { AttemptRecord } from '../bench/results-store.ts';
import { checkovComparisonTable } from './checkov-baseline.ts';
import { loadRunSet } from './load-runs.ts';
import { renderCharts } from './render-charts.ts';
import { renderHtml } from './render-html.ts';
import { renderReportMarkdown } from './render-markdown.ts';
import { buildTables, renderCsv, renderLatex, type Table } from './render-tables.ts';
import { summarize, type Summary } from './summarize.ts';

export { loadRuns, loadRunSet } from './load-runs.ts';

export interface ReportOptions {
  runDirs: string[];
  /** Where to write the report (default: `<first run dir>/report`). */
  outDir?: string;
  /** Skip PNG/SVG rendering (tables only). */
  charts?: boolean;
}

export interface ReportResult {
  outDir: string;
  summary: Summary;
  tables: Table[];
  files: string[];
}

/** Every table of a report: the standard ones (leaderboard first), then Checkov's recorded numbers when the runs include `reference`. */
export function reportTables(records: AttemptRecord[], summary: Summary = summarize(records)): Table[] {
  const checkov = checkovComparisonTable(records);
  return [...buildTables(summary), ...(checkov ? [checkov] : [])];
}

export async function buildReport(options: ReportOptions): Promise<ReportResult> {
  if (options.runDirs.length === 0) throw new InputError('give at least one run directory');
  const { records, configs } = loadRunSet(options.runDirs);
  const summary = summarize(records, configs);
  const outDir = options.outDir ?? join(options.runDirs[0]!, 'report');
  mkdirSync(join(outDir, 'tables'), { recursive: true });
  mkdirSync(join(outDir, 'charts'), { recursive: true });
  const files: string[] = [];
  const write = (name: string, content: string | Buffer) => {
    writeFileSync(join(outDir, name), content);
    files.push(name);
  };
  const tables = reportTables(records, summary);
  tables.forEach((t, i) => {
    const stem = `${String(i + 1).padStart(2, '0')}-${t.name}`;
    write(`tables/${stem}.csv`, renderCsv(t));
    write(`tables/${stem}.tex`, renderLatex(t));
  });
  const charts = options.charts === false ? [] : await renderCharts(summary, records);
  for (const c of charts) {
    write(`charts/${c.name}.vl.json`, `${JSON.stringify(c.spec, null, 2)}\n`);
    write(`charts/${c.name}.svg`, c.svg);
    write(`charts/${c.name}.png`, c.png);
  }
  const document = { title: 'iacpac benchmark report', summary, tables, charts };
  write('report.md', renderReportMarkdown(document));
  write('report.html', renderHtml(document));
  write('summary.json', `${JSON.stringify(summary, null, 2)}\n`);
  return { outDir, summary, tables, files };
}
