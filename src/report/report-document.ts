import type { RenderedChart } from './render-charts.ts';
import type { Table } from './render-tables.ts';
import type { RunInfo, Summary } from './summarize.ts';

/** Everything one report page shows; rendered as Markdown and as HTML. */
export interface ReportDocument {
  title: string;
  summary: Summary;
  tables: Table[];
  charts: RenderedChart[];
}

/** One sentence per run: where it came from and how it was run (attempt limit, samples, judge). */
export function describeRun(run: RunInfo): string {
  const judge = run.judge ? `judge ${run.judge}` : 'no judge in this run';
  const samples = `${run.samplesPerTask} sample${run.samplesPerTask === 1 ? '' : 's'} per task`;
  return `${run.model}: ${run.runDir ?? 'results'}, up to ${run.attemptLimit} attempt${run.attemptLimit === 1 ? '' : 's'}, ${samples}, ${judge}`;
}

/** The report's sections in reading order: leaderboard, figures, judge health, then the detailed tables. */
export function reportSections(document: ReportDocument): { leaderboard: Table | undefined; judgeHealth: Table | undefined; details: Table[] } {
  const leaderboard = document.tables.find((t) => t.name === 'leaderboard');
  const judgeHealth = document.tables.find((t) => t.name === 'judge-health');
  return { leaderboard, judgeHealth, details: document.tables.filter((t) => t !== leaderboard && t !== judgeHealth) };
}
