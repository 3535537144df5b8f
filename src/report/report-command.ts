import { relative } from 'node:path';
import { logger } from '../core/logger.ts';
import { buildReport } from './build-report.ts';
import { checkovComparisonTable } from './checkov-baseline.ts';
import { loadRuns } from './build-report.ts';
import { buildTables, renderMarkdown } from './render-tables.ts';

export async function report(runDirs: string[], options: { out?: string; charts?: boolean }): Promise<void> {
  const records = loadRuns(runDirs);
  const checkov = checkovComparisonTable(records);
  const result = await buildReport({
    runDirs,
    ...(options.out ? { outDir: options.out } : {}),
    ...(checkov ? { extraTables: [checkov] } : {}),
    charts: options.charts !== false,
  });
  logger.out(renderMarkdown([...buildTables(result.summary), ...(checkov ? [checkov] : [])]));
  logger.err(`report written to ${relative(process.cwd(), result.outDir) || '.'}/ (${result.files.length} files: report.md, report.html, tables/, charts/)`);
}
