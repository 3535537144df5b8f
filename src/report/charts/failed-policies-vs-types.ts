import { VEGA_LITE_SCHEMA, type ChartDefinition } from './chart.ts';

export const failedPoliciesVsTypes: ChartDefinition = {
  name: 'failed-policies-vs-object-types',
  title: 'Failed policies vs predicted object types (final scripts)',
  spec: (_summary, records) => ({
    $schema: VEGA_LITE_SCHEMA,
    title: 'Failed policies vs predicted object types',
    data: {
      values: records
        .filter((r) => r.final && r.error === null)
        .map((r) => ({ model: r.model, types: r.predicted_object_types, failed: r.findings.length })),
    },
    facet: { column: { field: 'model', type: 'nominal', title: null } },
    spec: {
      width: 300,
      height: 240,
      mark: { type: 'circle', opacity: 0.7 },
      encoding: {
        x: { field: 'types', type: 'quantitative', title: 'predicted object types' },
        y: { field: 'failed', type: 'quantitative', title: 'failed policies' },
        color: { field: 'model', type: 'nominal', legend: null },
        size: { aggregate: 'count', type: 'quantitative', title: 'scripts' },
      },
    },
  }),
};
