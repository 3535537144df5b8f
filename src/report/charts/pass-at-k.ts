import { CONFIG, VEGA_LITE_SCHEMA, fitUnitDomain, modelStyles, noteSpec, type ChartDefinition } from './chart.ts';
import type { Summary } from '../summarize.ts';

const multiSample = (summary: Summary) => summary.runs.filter((r) => r.samplesPerTask > 1).map((r) => r.model);

export const NO_SAMPLES_NOTE = 'No run here has more than one sample per task: pass@k needs `iacpac bench --samples n` with n > 1.';

/** pass@k (unbiased estimator over samples, as in summary.json) vs k, one line per model that has samples > 1. */
export const passAtK: ChartDefinition = {
  name: 'pass-at-k',
  title: 'pass@k over samples (unbiased estimator)',
  caption:
    'For runs with several samples per task: the chance that at least one of k samples is valid after the attempt limit, 1 - C(n-c, k) / C(n, k) averaged over tasks (all difficulties). Runs with one sample per task are listed under the chart.',
  legend: (summary) => (multiSample(summary).length ? [...multiSample(summary), ...(singleSampleNote(summary).length ? [singleSampleNote(summary).join('')] : [])] : [NO_SAMPLES_NOTE]),
  spec: (summary) => {
    const models = multiSample(summary);
    if (models.length === 0) return noteSpec('pass@k over samples', [NO_SAMPLES_NOTE]);
    const styles = modelStyles(summary.models);
    const values = summary.groups
      .filter((g) => g.difficulty === null && models.includes(g.model))
      .flatMap((g) => g.passAtK.map((p, i) => ({ model: g.model, label: styles.label(g.model), k: i + 1, p })));
    const maxK = Math.max(...values.map((v) => v.k));
    const legend = { title: 'model', labelExpr: "split(datum.label, '\\n')", values: models.map(styles.label) };
    const encoding = {
      x: { field: 'k', type: 'quantitative', title: 'k (samples drawn)', scale: { domain: [0.8, maxK + 0.2] }, axis: { values: Array.from({ length: maxK }, (_, i) => i + 1), format: 'd', grid: false } },
      y: { field: 'p', type: 'quantitative', title: 'pass@k', scale: { domain: fitUnitDomain(values.map((v) => v.p)) }, axis: { format: '.0%' } },
      color: styles.color(legend),
      shape: styles.shape(legend),
      tooltip: [{ field: 'model' }, { field: 'k' }, { field: 'p', format: '.1%' }],
    };
    const note = singleSampleNote(summary);
    return {
      $schema: VEGA_LITE_SCHEMA,
      title: { text: 'pass@k over samples (unbiased estimator)', ...(note.length ? { subtitle: note, subtitleFontSize: 11 } : {}) },
      config: CONFIG,
      width: 560,
      height: 260,
      data: { values },
      layer: [
        { mark: { type: 'line', strokeWidth: 1.5 }, encoding: { ...encoding, shape: undefined } },
        { mark: { type: 'point', filled: true, size: 70 }, encoding },
      ],
    };
  },
};

/** The runs without pass@k, as lines of at most ~100 characters (broken after a comma, nothing cut). */
function singleSampleNote(summary: Summary): string[] {
  const single = summary.runs.filter((r) => r.samplesPerTask <= 1).map((r) => r.model);
  if (single.length === 0) return [];
  const lines: string[] = [];
  let line = 'one sample per task (no pass@k): ';
  single.forEach((model, i) => {
    const item = `${model}${i < single.length - 1 ? ', ' : ''}`;
    if (line.length + item.length > 100 && line.trim()) {
      lines.push(line);
      line = '';
    }
    line += item;
  });
  return [...lines, line];
}
