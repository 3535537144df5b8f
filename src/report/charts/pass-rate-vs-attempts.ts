import { VEGA_LITE_SCHEMA, difficultyLabel, type ChartDefinition } from './chart.ts';

export const passRateVsAttempts: ChartDefinition = {
  name: 'pass-rate-vs-attempts',
  title: 'Validation pass rate vs attempts, per difficulty',
  spec: (summary) => ({
    $schema: VEGA_LITE_SCHEMA,
    title: 'Validation pass rate vs attempts',
    data: {
      values: summary.groups.flatMap((g) =>
        g.passRateAfterAttempt.map((rate, i) => ({ model: g.model, difficulty: difficultyLabel(g.difficulty), attempt: i + 1, rate })),
      ),
    },
    facet: { column: { field: 'model', type: 'nominal', title: null } },
    spec: {
      width: 260,
      height: 200,
      mark: { type: 'line', point: true },
      encoding: {
        x: { field: 'attempt', type: 'ordinal', title: 'attempt' },
        y: { field: 'rate', type: 'quantitative', title: 'pass rate', scale: { domain: [0, 1] }, axis: { format: '%' } },
        color: { field: 'difficulty', type: 'nominal', title: 'difficulty' },
      },
    },
  }),
};
