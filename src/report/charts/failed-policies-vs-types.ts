import { VEGA_LITE_SCHEMA, type ChartDefinition } from './chart.ts';

export const failedPoliciesVsTypes: ChartDefinition = {
  name: 'failed-policies-vs-object-types',
  title: 'Failed policies vs predicted object types (final scripts)',
  spec: (_summary, records) => ({
    $schema: VEGA_LITE_SCHEMA,
    title: 'Failed policies vs predicted object types',
    width: 420,
    height: 260,
    data: {
      values: records
        .filter((r) => r.final && r.error === null)
        .map((r) => ({ model: r.model, types: r.predicted_object_types, failed: r.findings.length })),
    },
    mark: { type: 'circle', opacity: 0.6 },
    encoding: {
      x: { field: 'types', type: 'quantitative', title: 'predicted object types' },
      y: { field: 'failed', type: 'quantitative', title: 'failed policies' },
      color: { field: 'model', type: 'nominal' },
      size: { aggregate: 'count', type: 'quantitative', title: 'scripts' },
    },
  }),
};
