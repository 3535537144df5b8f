import { VEGA_LITE_SCHEMA, type ChartDefinition } from './chart.ts';

export const intentScoreDistribution: ChartDefinition = {
  name: 'intent-score-distribution',
  title: 'Intent-resolution score distribution (LLM judge)',
  spec: (summary) => ({
    $schema: VEGA_LITE_SCHEMA,
    title: 'Intent score distribution',
    width: 360,
    height: 220,
    data: {
      values: summary.groups
        .filter((g) => g.difficulty === null)
        .flatMap((g) => g.intentScoreCounts.map((count, i) => ({ model: g.model, score: i + 1, count }))),
    },
    mark: 'bar',
    encoding: {
      x: { field: 'score', type: 'ordinal', title: 'score (1-5)' },
      xOffset: { field: 'model' },
      y: { field: 'count', type: 'quantitative', title: 'scripts' },
      color: { field: 'model', type: 'nominal' },
    },
  }),
};
