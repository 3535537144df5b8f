import { relative } from 'node:path';
import { logger } from '../../../core/logger.ts';
import { buildReport, loadRunSet, reportTables } from '../../../report/build-report.ts';
import { renderMarkdown } from '../../../report/render-tables.ts';
import { summarize } from '../../../report/summarize.ts';

/** `iacpac report`: writes the report files and prints its tables as Markdown. */
export async function report(runDirs: string[], options: { out?: string; charts?: boolean }): Promise<void> {
  const result = await buildReport({ runDirs, ...(options.out ? { outDir: options.out } : {}), charts: options.charts !== false });
  logger.out(renderMarkdown(result.tables));
  logger.err(`report written to ${relative(process.cwd(), result.outDir) || '.'}/ (${result.files.length} files: report.md, report.html, tables/, charts/)`);
}

/** The report's tables as Markdown on stdout, without writing files (what `iacpac bench` prints when done). */
export function printTables(runDirs: string[]): void {
  const { records, configs } = loadRunSet(runDirs);
  logger.out(renderMarkdown(reportTables(records, summarize(records, configs))));
}
