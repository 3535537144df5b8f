import { CONFIG, VEGA_LITE_SCHEMA, difficultyLabel, fitUnitDomain, modelStyles, type ChartDefinition } from './chart.ts';

/** Small multiples, one per difficulty (and all): a line per model up to its own run's attempt limit. */
export const passRateVsAttempts: ChartDefinition = {
  name: 'pass-rate-vs-attempts',
  title: 'Validation pass rate vs attempts',
  caption:
    'One panel per difficulty, one line per model (colour and marker as in the legend), ending at that run\'s attempt limit. Each panel\'s y axis is fitted to its data; markers at the same value are set slightly apart.',
  legend: (summary) => [...summary.models, ...panels(summary).map((d) => difficultyLabel(d))],
  spec: (summary) => {
    const styles = modelStyles(summary.models);
    const n = summary.models.length;
    const dodge = (model: string) => (n > 1 ? (summary.models.indexOf(model) - (n - 1) / 2) * Math.min(0.05, 0.5 / n) : 0);
    const attempts = Array.from({ length: summary.maxAttempts }, (_, i) => i + 1);
    const concat = panels(summary).map((difficulty) => {
      const values = summary.groups
        .filter((g) => g.difficulty === difficulty)
        .flatMap((g) => g.passRateAfterAttempt.map((rate, i) => ({ model: g.model, label: styles.label(g.model), attempt: i + 1, x: i + 1 + dodge(g.model), rate })));
      const encoding = {
        x: { field: 'x', type: 'quantitative', title: 'attempt', scale: { domain: [0.6, summary.maxAttempts + 0.4] }, axis: { values: attempts, format: 'd', grid: false } },
        y: { field: 'rate', type: 'quantitative', title: 'pass rate', scale: { domain: fitUnitDomain(values.map((v) => v.rate)) }, axis: { format: '.0%', tickCount: 5 } },
        color: styles.color(),
        shape: styles.shape(),
        tooltip: [{ field: 'model' }, { field: 'attempt' }, { field: 'rate', format: '.1%' }],
      };
      return {
        title: { text: difficultyLabel(difficulty), fontSize: 12, anchor: 'middle' },
        width: 260,
        height: 170,
        data: { values },
        layer: [
          { mark: { type: 'line', strokeWidth: 1.5, opacity: 0.8 }, encoding: { ...encoding, shape: undefined } },
          { mark: { type: 'point', filled: true, size: 70, opacity: 0.95 }, encoding },
        ],
      };
    });
    return { $schema: VEGA_LITE_SCHEMA, title: 'Validation pass rate vs attempts', config: CONFIG, columns: 3, concat };
  },
};

function panels(summary: Parameters<ChartDefinition['spec']>[0]): Array<number | null> {
  return [null, ...[...new Set(summary.groups.map((g) => g.difficulty).filter((d): d is number => d !== null))].sort((a, b) => a - b)];
}
