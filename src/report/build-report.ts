import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { InputError } from '../core/errors.ts';
import { readResults, RESULTS_FILE, type AttemptRecord } from '../bench/results-store.ts';
import { renderCharts } from './render-charts.ts';
import { renderHtml } from './render-html.ts';
import { buildTables, renderCsv, renderLatex, renderMarkdown, type Table } from './render-tables.ts';
import { summarize, type Summary } from './summarize.ts';
import { checkovComparisonTable } from './checkov-baseline.ts';

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

/** Every table of a report: the standard ones, then Checkov's recorded numbers when the runs include `reference`. */
export function reportTables(records: AttemptRecord[], summary: Summary = summarize(records)): Table[] {
  const checkov = checkovComparisonTable(records);
  return [...buildTables(summary), ...(checkov ? [checkov] : [])];
}

/** Loads several runs; a model that appears in more than one run is labelled `<model> (<run dir name>)`. */
export function loadRuns(runDirs: string[]): AttemptRecord[] {
  const runs = runDirs.map((dir) => {
    if (!existsSync(join(dir, RESULTS_FILE))) throw new InputError(`no ${RESULTS_FILE} in ${dir} (give a directory written by \`iacpac bench --out\`)`);
    return { dir, records: readResults(dir) };
  });
  const seen = new Map<string, number>();
  for (const run of runs) for (const m of new Set(run.records.map((r) => r.model))) seen.set(m, (seen.get(m) ?? 0) + 1);
  return runs.flatMap((run) =>
    run.records.map((r) => ((seen.get(r.model) ?? 0) > 1 ? { ...r, model: `${r.model} (${basename(resolve(run.dir))})` } : r)),
  );
}

export async function buildReport(options: ReportOptions): Promise<ReportResult> {
  if (options.runDirs.length === 0) throw new InputError('give at least one run directory');
  const records = loadRuns(options.runDirs);
  const summary = summarize(records);
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
    const stem = `${String(i + 1).padStart(2, '0')}-${t.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 48)}`;
    write(`tables/${stem}.csv`, renderCsv(t));
    write(`tables/${stem}.tex`, renderLatex(t));
  });
  const charts = options.charts === false ? [] : await renderCharts(summary, records);
  for (const c of charts) {
    write(`charts/${c.name}.vl.json`, `${JSON.stringify(c.spec, null, 2)}\n`);
    write(`charts/${c.name}.svg`, c.svg);
    write(`charts/${c.name}.png`, c.png);
  }
  const subtitle = `Runs: ${options.runDirs.join(', ')} — models: ${summary.models.join(', ')}`;
  const chartLinks = charts.map((c) => `![${c.title}](charts/${c.name}.png)`).join('\n\n');
  write('report.md', `# iacpac benchmark report\n\n${subtitle}\n\n${renderMarkdown(tables)}\n${chartLinks ? `## Charts\n\n${chartLinks}\n` : ''}`);
  write('report.html', renderHtml('iacpac benchmark report', subtitle, tables, charts));
  write('summary.json', `${JSON.stringify(summary, null, 2)}\n`);
  return { outDir, summary, tables, files };
}
