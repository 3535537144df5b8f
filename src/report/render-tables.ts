import type { JudgeHealth } from '../bench/judge-health.ts';
import { SEVERITIES, type GroupSummary, type RunInfo, type Summary } from './summarize.ts';

/** A table as rows of cells; rendered to Markdown, CSV, LaTeX or HTML. */
export interface Table {
  /** File stem of its CSV/TeX files (short and stable). */
  name: string;
  title: string;
  columns: string[];
  rows: Array<Array<string | number | null>>;
  /** Decimal places of each column's numbers (undefined: printed as they are, e.g. counts). */
  digits?: Array<number | undefined>;
  /** One or two sentences under the table: what a dash means, where a number comes from. */
  note?: string;
}

/** Percentages with one decimal, scores in [0, 1] with three, means with two, dollars with four: everywhere. */
export const DIGITS = { percent: 1, ratio: 3, mean: 2, usd: 4 } as const;

const pct = (x: number | null | undefined) => (x === null || x === undefined ? null : x * 100);
const diff = (d: number | null) => (d === null ? 'all' : String(d));

/** `n` at digits `d`, or the cell as it is. */
export function formatCell(value: string | number | null, digits?: number): string {
  if (value === null) return '–';
  if (typeof value === 'number' && digits !== undefined) return value.toFixed(digits);
  return String(value);
}

function judgeCell(run: RunInfo | undefined, g: GroupSummary): string | number | null {
  if (!run?.judge) return 'no judge';
  return g.intentScoreMean ?? 'none scored';
}

/** One row per model over all difficulties, best final validation pass rate first. */
export function leaderboardTable(summary: Summary): Table {
  const overall = summary.groups.filter((g) => g.difficulty === null);
  const runOf = (model: string) => summary.runs.find((r) => r.model === model);
  const rows = overall.map((g) => {
    const run = runOf(g.model);
    const k = run?.attemptLimit ?? g.passRateAfterAttempt.length;
    return {
      sort: [g.passRateAfterAttempt[k - 1] ?? 0, g.passRateAfterAttempt[0] ?? 0, g.objectRecall ?? 0],
      cells: [
        g.model,
        g.samples,
        k,
        pct(g.passRateAfterAttempt[0]),
        pct(g.passRateAfterAttempt[k - 1]),
        g.objectRecall,
        g.objectPrecision,
        pct(g.intentCorrect),
        judgeCell(run, g),
        ...SEVERITIES.map((s) => g.findingsPerScriptBySeverity?.[s] ?? null),
        g.findingsPerScript,
        g.distinctPolicies,
        g.usage.inputTokens + g.usage.outputTokens,
        g.usage.costUsd,
      ],
    };
  });
  rows.sort((a, b) => b.sort[0]! - a.sort[0]! || b.sort[1]! - a.sort[1]! || b.sort[2]! - a.sort[2]!);
  const { percent, ratio, mean, usd } = DIGITS;
  return {
    name: 'leaderboard',
    title: 'Leaderboard: every model over all difficulties',
    columns: [
      '#',
      'model',
      'scripts',
      'attempts (k)',
      'valid at attempt 1 (%)',
      'valid after k attempts (%)',
      'object recall',
      'object precision',
      'intent verdict (%)',
      'judge score (1-5)',
      ...SEVERITIES.map((s) => `${s} / script`),
      'failed policies / script',
      'failed policy types',
      'tokens',
      'cost (USD)',
    ],
    digits: [undefined, undefined, undefined, undefined, percent, percent, ratio, ratio, percent, mean, ...SEVERITIES.map(() => mean), mean, undefined, undefined, usd],
    rows: rows.map((r, i) => [i + 1, ...r.cells]),
    note:
      'k is each run\'s own attempt limit; "valid after k attempts" is the final validation pass rate. Intent verdict: IaC-Eval\'s Rego intent on the plan of scripts that plan. Failed policies per final script, by severity. Tokens and cost include the judge\'s.',
  };
}

/** pass@k (unbiased) per model and difficulty, for runs with several samples per task; undefined when none has. */
export function passAtKTable(summary: Summary): Table | undefined {
  const multi = new Set(summary.runs.filter((r) => r.samplesPerTask > 1).map((r) => r.model));
  if (multi.size === 0) return undefined;
  const groups = summary.groups.filter((g) => multi.has(g.model));
  const maxK = Math.max(...groups.map((g) => g.passAtK.length));
  return {
    name: 'pass-at-k',
    title: 'pass@k over samples (unbiased estimator, final validity)',
    columns: ['model', 'difficulty', 'tasks', 'samples / task', ...Array.from({ length: maxK }, (_, i) => `pass@${i + 1} (%)`)],
    digits: [undefined, undefined, undefined, undefined, ...Array.from({ length: maxK }, () => DIGITS.percent)],
    rows: groups.map((g) => [
      g.model,
      diff(g.difficulty),
      g.tasks,
      summary.runs.find((r) => r.model === g.model)?.samplesPerTask ?? null,
      ...Array.from({ length: maxK }, (_, i) => pct(g.passAtK[i])),
    ]),
    note: `Only runs with more than one sample per task. pass@k = 1 - C(n-c, k) / C(n, k) per task (n samples, c valid after the attempt limit), averaged over tasks.`,
  };
}

/** `bench --autofix`: each measure without and with iacpac's deterministic repairs, side by side; undefined when no run has them. */
export function autofixTable(summary: Summary): Table | undefined {
  const groups = summary.groups.filter((g) => g.autofix !== null);
  if (groups.length === 0) return undefined;
  const { percent, mean } = DIGITS;
  const limitOf = (model: string) => summary.runs.find((r) => r.model === model)?.attemptLimit ?? summary.maxAttempts;
  const notTried = groups.reduce((n, g) => n + (g.difficulty === null ? g.autofix!.notTried : 0), 0);
  return {
    name: 'autofix',
    title: 'Deterministic repairs (--autofix): without → with, side by side',
    columns: [
      'model',
      'difficulty',
      'valid at attempt 1 (%)',
      'with repairs',
      'valid after k attempts (%)',
      'with repairs',
      'intent verdict (%)',
      'with repairs',
      'failed policies / script',
      'with repairs',
      'failed policies',
      'with repairs',
      'validator repairs',
      'security repairs',
      'final scripts repaired',
    ],
    digits: [undefined, undefined, percent, percent, percent, percent, percent, percent, mean, mean, undefined, undefined, undefined, undefined, undefined],
    rows: groups.map((g) => {
      const a = g.autofix!;
      const k = limitOf(g.model);
      return [
        g.model,
        diff(g.difficulty),
        pct(g.passRateAfterAttempt[0]),
        pct(a.passRateAfterAttempt[0]),
        pct(g.passRateAfterAttempt[k - 1]),
        pct(a.passRateAfterAttempt[k - 1]),
        pct(g.intentCorrect),
        pct(a.intentCorrect),
        g.findingsPerScript,
        a.findingsPerScript,
        g.findingsTotal,
        a.findingsTotal,
        a.repairs.validate,
        a.repairs.security,
        a.scriptsRepaired,
      ];
    }),
    note:
      'The same model calls, each script checked as answered and after `iacpac fix` (verified repairs, no knowledge of the intent); with repairs, a sample ends at its first attempt valid after repairs. Repairs are counted in the final scripts.' +
      (notTried > 0 ? ` ${notTried} attempt(s) with Terraform had no repairs tried (an error while repairing, or a run resumed without --autofix) and count as unrepaired.` : ''),
  };
}

/** The judge's calls per model: how many gave a score, how many failed and why. */
export function judgeHealthTable(health: JudgeHealth[]): Table {
  return {
    name: 'judge-health',
    title: 'Judge health: every intent-judge call that gave no score, by reason',
    columns: ['model', 'judge', 'calls', 'scored', 'failed', 'failures by reason (first message)'],
    rows: health.map((h) => [
      h.model,
      h.judge ?? 'no judge in this run',
      h.judge ? h.calls : null,
      h.judge ? h.scored : null,
      h.judge ? h.failed : null,
      h.failures.map((f) => `${f.count} × ${f.reason} (${f.example})`).join('; ') || (h.judge ? 'none' : null),
    ]),
    note: 'A call is one final script sent to the judge; a failed call leaves the script without a score (it is not counted as a low score).',
  };
}

export function buildTables(summary: Summary): Table[] {
  const { percent, ratio, mean, usd } = DIGITS;
  const limitOf = (model: string) => summary.runs.find((r) => r.model === model)?.attemptLimit ?? summary.maxAttempts;
  const validation: Table = {
    name: 'validation-pass-rate',
    title: 'Validation pass rate after k attempts (with error feedback)',
    columns: ['model', 'difficulty', 'tasks', 'samples', 'attempt limit', ...Array.from({ length: summary.maxAttempts }, (_, i) => `pass@attempt ${i + 1} (%)`)],
    digits: [undefined, undefined, undefined, undefined, undefined, ...Array.from({ length: summary.maxAttempts }, () => percent)],
    rows: summary.groups.map((g) => [
      g.model,
      diff(g.difficulty),
      g.tasks,
      g.samples,
      limitOf(g.model),
      ...Array.from({ length: summary.maxAttempts }, (_, i) => pct(g.passRateAfterAttempt[i])),
    ]),
    note: '– = beyond that run\'s attempt limit.',
  };
  const passAtK = passAtKTable(summary);
  const objects: Table = {
    name: 'objects',
    title: 'Object recall and precision against the reference',
    columns: ['model', 'difficulty', 'recall', 'precision', 'avg predicted object types'],
    digits: [undefined, undefined, ratio, ratio, mean],
    rows: summary.groups.map((g) => [g.model, diff(g.difficulty), g.objectRecall, g.objectPrecision, g.avgPredictedObjectTypes]),
  };
  const judged = new Set(summary.runs.filter((r) => r.judge).map((r) => r.model));
  const intent: Table = {
    name: 'intent',
    title: 'Intent: IaC-Eval verdict (scripts that plan) and LLM-judge score',
    columns: ['model', 'difficulty', 'intent correct (%)', 'evaluated', 'judge score (mean)', ...[1, 2, 3, 4, 5].map((s) => `score ${s}`)],
    digits: [undefined, undefined, percent, undefined, mean],
    rows: summary.groups.map((g) =>
      judged.has(g.model)
        ? [g.model, diff(g.difficulty), pct(g.intentCorrect), g.intentEvaluated, g.intentScoreMean, ...g.intentScoreCounts]
        : [g.model, diff(g.difficulty), pct(g.intentCorrect), g.intentEvaluated, 'no judge', null, null, null, null, null],
    ),
  };
  const security: Table = {
    name: 'security',
    title: 'Failed security policies by severity (final scripts)',
    columns: ['model', 'difficulty', ...SEVERITIES, 'total', 'types', 'per script'],
    digits: [undefined, undefined, ...SEVERITIES.map(() => undefined), undefined, undefined, mean],
    rows: summary.groups.map((g) => [g.model, diff(g.difficulty), ...SEVERITIES.map((s) => g.findingsBySeverity[s]), g.findingsTotal, g.distinctPolicies, g.findingsPerScript]),
  };
  const cost: Table = {
    name: 'usage',
    title: 'Usage',
    columns: ['model', 'calls', 'cached', 'input tokens', 'output tokens', 'cost (USD)', 'mean latency (ms)', 'infrastructure errors'],
    digits: [undefined, undefined, undefined, undefined, undefined, usd, undefined, undefined],
    rows: summary.groups
      .filter((g) => g.difficulty === null)
      .map((g: GroupSummary) => [
        g.model,
        g.usage.calls,
        g.usage.cached,
        g.usage.inputTokens,
        g.usage.outputTokens,
        g.usage.costUsd,
        g.usage.calls ? Math.round(g.usage.latencyMs / g.usage.calls) : null,
        g.infrastructureErrors,
      ]),
  };
  const autofix = autofixTable(summary);
  return [leaderboardTable(summary), ...(autofix ? [autofix] : []), validation, ...(passAtK ? [passAtK] : []), objects, intent, security, cost, judgeHealthTable(summary.judgeHealth)];
}

const markdownCell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** A table as Markdown rows (header, rule, body), then its note. */
export function renderMarkdownTable(t: Table): string {
  const head = `| ${t.columns.map(markdownCell).join(' | ')} |\n|${t.columns.map(() => '---').join('|')}|`;
  const body = t.rows.map((r) => `| ${r.map((v, i) => markdownCell(formatCell(v, t.digits?.[i]))).join(' | ')} |`).join('\n');
  return `${head}\n${body}\n${t.note ? `\n${t.note}\n` : ''}`;
}

export function renderMarkdown(tables: Table[]): string {
  return tables.map((t) => `### ${t.title}\n\n${renderMarkdownTable(t)}`).join('\n');
}

function csvField(v: string | number | null, digits?: number): string {
  const s = v === null ? '' : formatCell(v, digits);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function renderCsv(table: Table): string {
  return [table.columns.map((c) => csvField(c)).join(','), ...table.rows.map((r) => r.map((v, i) => csvField(v, table.digits?.[i])).join(','))].join('\n') + '\n';
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
    ...table.rows.map((r) => `${r.map((v, i) => latexEscape(formatCell(v, table.digits?.[i]))).join(' & ')} \\\\`),
    '\\hline',
    '\\end{tabular}',
    '\\end{table}',
  ];
  return lines.join('\n') + '\n';
}
