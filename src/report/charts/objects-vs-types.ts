import { VEGA_LITE_SCHEMA, difficultyLabel, type ChartDefinition } from './chart.ts';

export const objectsVsTypes: ChartDefinition = {
  name: 'object-recall-precision',
  title: 'Object recall and precision vs average predicted object types',
  spec: (summary) => ({
    $schema: VEGA_LITE_SCHEMA,
    title: 'Object recall / precision vs avg predicted object types',
    width: 420,
    height: 260,
    data: {
      values: summary.groups
        .filter((g) => g.difficulty !== null && g.avgPredictedObjectTypes !== null)
        .flatMap((g) => [
          { model: g.model, difficulty: difficultyLabel(g.difficulty), metric: 'recall', value: g.objectRecall, types: g.avgPredictedObjectTypes },
          { model: g.model, difficulty: difficultyLabel(g.difficulty), metric: 'precision', value: g.objectPrecision, types: g.avgPredictedObjectTypes },
        ]),
    },
    mark: { type: 'point', filled: true, size: 80 },
    encoding: {
      x: { field: 'types', type: 'quantitative', title: 'average predicted object types' },
      y: { field: 'value', type: 'quantitative', title: 'score', scale: { domain: [0, 1] } },
      color: { field: 'model', type: 'nominal' },
      shape: { field: 'metric', type: 'nominal' },
      tooltip: [{ field: 'difficulty' }, { field: 'metric' }, { field: 'value', format: '.3f' }],
    },
  }),
};
