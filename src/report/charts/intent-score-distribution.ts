import type { Summary } from '../summarize.ts';
import { CONFIG, VEGA_LITE_SCHEMA, MULTILINE, modelStyles, type ChartDefinition } from './chart.ts';

export const NO_JUDGE = 'no judge in this run';

/** What a model's row says instead of a distribution (no judge, or a judge that scored nothing). */
function rowNote(summary: Summary, model: string): string | undefined {
  const health = summary.judgeHealth.find((h) => h.model === model);
  if (!health?.judge) return NO_JUDGE;
  if (health.scored === 0) return `judge ran, no script scored (${health.failed} of ${health.calls} calls failed)`;
  return undefined;
}

/** A heatmap: one row per model, one column per score 1-5, cells = share of the model's scored scripts. */
export const intentScoreDistribution: ChartDefinition = {
  name: 'intent-score-distribution',
  title: 'Intent-resolution score distribution (LLM judge)',
  caption:
    'Each row is a model; a cell holds the number of final scripts the judge gave that score and its share of the model\'s scored scripts (darker = larger share); right of the row: the mean score and any failed judge calls (see Judge health). Rows of runs without a judge, or whose judge scored nothing, say so.',
  legend: (summary) => [
    ...summary.models,
    ...new Set(summary.models.map((m) => rowNote(summary, m)).filter((n): n is string => n !== undefined)),
    ...summary.judgeHealth.filter((h) => h.failed > 0 && h.scored > 0).map((h) => `${h.failed} of ${h.calls} judge calls failed`),
  ],
  spec: (summary) => {
    const styles = modelStyles(summary.models);
    const overall = summary.groups.filter((g) => g.difficulty === null);
    const cells = overall
      .filter((g) => rowNote(summary, g.model) === undefined)
      .flatMap((g) => {
        const scored = g.intentScoreCounts.reduce((a, b) => a + b, 0);
        return g.intentScoreCounts.map((count, i) => ({ label: styles.label(g.model), model: g.model, score: String(i + 1), count, share: scored ? count / scored : 0 }));
      });
    // Right of each scored row: the mean score and, when the judge failed on some calls, how many.
    const side = overall
      .filter((g) => rowNote(summary, g.model) === undefined)
      .map((g) => {
        const health = summary.judgeHealth.find((h) => h.model === g.model);
        const failed = health?.failed ? ` · ${health.failed} of ${health.calls} judge calls failed` : '';
        return { label: styles.label(g.model), score: '5', info: `mean ${(g.intentScoreMean ?? 0).toFixed(2)}${failed}` };
      });
    const notes = overall.flatMap((g) => {
      const note = rowNote(summary, g.model);
      return note ? [{ label: styles.label(g.model), model: g.model, score: '3', note }] : [];
    });
    const y = {
      field: 'label',
      type: 'nominal',
      title: null,
      scale: { domain: styles.domain },
      axis: { labelExpr: MULTILINE, labelFontSize: 11 },
    };
    const x = { field: 'score', type: 'ordinal', title: 'judge score (1 = intent missed, 5 = fully resolved)', scale: { domain: ['1', '2', '3', '4', '5'] }, axis: { labelAngle: 0, orient: 'top' } };
    return {
      $schema: VEGA_LITE_SCHEMA,
      title: 'Intent score distribution (LLM judge)',
      config: CONFIG,
      width: 5 * 96,
      height: { step: styles.rowStep },
      layer: [
        {
          data: { values: cells },
          mark: { type: 'rect', stroke: 'white', strokeWidth: 1 },
          encoding: {
            x,
            y,
            color: { field: 'share', type: 'quantitative', title: 'share of scored scripts', scale: { scheme: 'blues', domain: [0, 1] }, legend: { format: '.0%', gradientLength: 200, orient: 'bottom', direction: 'horizontal' } },
            tooltip: [{ field: 'model' }, { field: 'score' }, { field: 'count' }, { field: 'share', format: '.1%' }],
          },
        },
        {
          data: { values: cells },
          mark: { type: 'text', fontSize: 11 },
          encoding: {
            x,
            y,
            text: { field: 'text', type: 'nominal' },
            color: { condition: { test: 'datum.share > 0.5', value: 'white' }, value: '#222' },
          },
          transform: [{ calculate: "datum.count + ' (' + format(datum.share, '.0%') + ')'", as: 'text' }],
        },
        {
          data: { values: side },
          mark: { type: 'text', fontSize: 11, align: 'left', dx: 56, color: '#333' },
          encoding: { x, y, text: { field: 'info', type: 'nominal' } },
        },
        {
          data: { values: notes },
          mark: { type: 'text', fontSize: 12, fontStyle: 'italic', color: '#555' },
          encoding: { x, y, text: { field: 'note', type: 'nominal' } },
        },
      ],
    };
  },
};
