import { SEVERITIES, type GroupSummary, type Summary } from './summarize.ts';

/** A table as rows of cells; rendered to Markdown, CSV or LaTeX. */
export interface Table {
  title: string;
  columns: string[];
  rows: Array<Array<string | number | null>>;
}

const pct = (x: number | null | undefined) => (x === null || x === undefined ? null : Math.round(x * 1000) / 10);
const num = (x: number | null | undefined, digits = 2) => (x === null || x === undefined ? null : Number(x.toFixed(digits)));
const diff = (d: number | null) => (d === null ? 'all' : String(d));

export function buildTables(summary: Summary): Table[] {
  const attemptCols = Array.from({ length: summary.maxAttempts }, (_, i) => `pass@attempt ${i + 1} (%)`);
  const validation: Table = {
    title: 'Validation pass rate after k attempts (with error feedback)',
    columns: ['model', 'difficulty', 'tasks', 'samples', ...attemptCols],
    rows: summary.groups.map((g) => [g.model, diff(g.difficulty), g.tasks, g.samples, ...g.passRateAfterAttempt.map(pct)]),
  };
  const objects: Table = {
    title: 'Object recall and precision against the reference',
    columns: ['model', 'difficulty', 'recall', 'precision', 'avg predicted object types'],
    rows: summary.groups.map((g) => [g.model, diff(g.difficulty), num(g.objectRecall, 3), num(g.objectPrecision, 3), num(g.avgPredictedObjectTypes)]),
  };
  const intent: Table = {
    title: 'Intent: IaC-Eval verdict (scripts that plan) and LLM-judge score',
    columns: ['model', 'difficulty', 'intent correct (%)', 'evaluated', 'judge score (mean)', ...[1, 2, 3, 4, 5].map((s) => `score ${s}`)],
    rows: summary.groups.map((g) => [g.model, diff(g.difficulty), pct(g.intentCorrect), g.intentEvaluated, num(g.intentScoreMean), ...g.intentScoreCounts]),
  };
  const security: Table = {
    title: 'Failed security policies by severity (final scripts)',
    columns: ['model', 'difficulty', ...SEVERITIES, 'total', 'types', 'per script'],
    rows: summary.groups.map((g) => [
      g.model,
      diff(g.difficulty),
      ...SEVERITIES.map((s) => g.findingsBySeverity[s]),
      g.findingsTotal,
      g.distinctPolicies,
      num(g.findingsPerScript),
    ]),
  };
  const cost: Table = {
    title: 'Usage',
    columns: ['model', 'calls', 'cached', 'input tokens', 'output tokens', 'cost (USD)', 'mean latency (ms)', 'infrastructure errors'],
    rows: summary.groups
      .filter((g) => g.difficulty === null)
      .map((g: GroupSummary) => [
        g.model,
        g.usage.calls,
        g.usage.cached,
        g.usage.inputTokens,
        g.usage.outputTokens,
        num(g.usage.costUsd, 4),
        g.usage.calls ? Math.round(g.usage.latencyMs / g.usage.calls) : null,
        g.infrastructureErrors,
      ]),
  };
  return [validation, objects, intent, security, cost];
}

const cell = (v: string | number | null) => (v === null ? '–' : String(v));

export function renderMarkdown(tables: Table[]): string {
  return tables
    .map((t) => {
      const head = `| ${t.columns.join(' | ')} |\n|${t.columns.map(() => '---').join('|')}|`;
      const body = t.rows.map((r) => `| ${r.map(cell).join(' | ')} |`).join('\n');
      return `### ${t.title}\n\n${head}\n${body}\n`;
    })
    .join('\n');
}

function csvField(v: string | number | null): string {
  const s = v === null ? '' : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function renderCsv(table: Table): string {
  return [table.columns, ...table.rows].map((r) => r.map(csvField).join(',')).join('\n') + '\n';
}

function latexEscape(s: string): string {
  return s.replace(/\\/g, '\\textbackslash{}').replace(/([&%$#_{}])/g, '\\$1').replace(/~/g, '\\textasciitilde{}').replace(/\^/g, '\\textasciicircum{}');
}

export function renderLatex(table: Table): string {
  const spec = table.columns.map((_, i) => (i === 0 ? 'l' : 'r')).join('');
  const lines = [
    '\\begin{table}[ht]',
    '\\centering',
    `\\caption{${latexEscape(table.title)}}`,
    `\\begin{tabular}{${spec}}`,
    '\\hline',
    `${table.columns.map(latexEscape).join(' & ')} \\\\`,
    '\\hline',
    ...table.rows.map((r) => `${r.map((v) => latexEscape(cell(v))).join(' & ')} \\\\`),
    '\\hline',
    '\\end{tabular}',
    '\\end{table}',
  ];
  return lines.join('\n') + '\n';
}
