import { describeRun, reportSections, type ReportDocument } from './report-document.ts';
import { renderMarkdownTable } from './render-tables.ts';

/** `report.md`: runs, leaderboard, figures (PNG links), judge health, detailed tables. */
export function renderReportMarkdown(document: ReportDocument): string {
  const { leaderboard, judgeHealth, details } = reportSections(document);
  const parts = [`# ${document.title}`, `${document.summary.runs.length} model(s) compared:\n\n${document.summary.runs.map((r) => `- ${describeRun(r)}`).join('\n')}`];
  if (leaderboard) parts.push(`## ${leaderboard.title}\n\n${renderMarkdownTable(leaderboard)}`);
  if (document.charts.length)
    parts.push(`## Figures\n\n${document.charts.map((c) => `### ${c.title}\n\n${c.caption}\n\n![${c.title}](charts/${c.name}.png)\n`).join('\n')}`);
  if (judgeHealth) parts.push(`## ${judgeHealth.title}\n\n${renderMarkdownTable(judgeHealth)}`);
  parts.push(`## Tables\n\n${details.map((t) => `### ${t.title}\n\n${renderMarkdownTable(t)}`).join('\n')}`);
  return `${parts.join('\n\n')}`;
}
