import { CONFIG, MULTILINE, VEGA_LITE_SCHEMA, modelStyles, type ChartDefinition } from './chart.ts';

/** Small multiples per model: scripts by (object types, failed policies), circle area = scripts, line = mean. */
export const failedPoliciesVsTypes: ChartDefinition = {
  name: 'failed-policies-vs-object-types',
  title: 'Failed policies vs predicted object types (final scripts)',
  caption:
    'One panel per model, same axes everywhere. A circle is every final script with that many object types and failed policies (area = number of scripts); the line is the mean number of failed policies per object-type count.',
  legend: (summary) => [...summary.models],
  spec: (summary, records) => {
    const styles = modelStyles(summary.models);
    const cells = new Map<string, { model: string; types: number; failed: number; scripts: number }>();
    const means = new Map<string, { model: string; types: number; sum: number; scripts: number }>();
    for (const r of records) {
      if (!r.final || r.error !== null) continue;
      const cell = cells.get(`${r.model}\u0000${r.predicted_object_types}\u0000${r.findings.length}`) ?? { model: r.model, types: r.predicted_object_types, failed: r.findings.length, scripts: 0 };
      cell.scripts++;
      cells.set(`${r.model}\u0000${r.predicted_object_types}\u0000${r.findings.length}`, cell);
      const mean = means.get(`${r.model}\u0000${r.predicted_object_types}`) ?? { model: r.model, types: r.predicted_object_types, sum: 0, scripts: 0 };
      mean.sum += r.findings.length;
      mean.scripts++;
      means.set(`${r.model}\u0000${r.predicted_object_types}`, mean);
    }
    const values = [
      ...[...cells.values()].map((c) => ({ ...c, kind: 'scripts', label: styles.label(c.model) })),
      ...[...means.values()].map((m) => ({ model: m.model, types: m.types, failed: m.sum / m.scripts, scripts: m.scripts, kind: 'mean', label: styles.label(m.model) })),
    ];
    const x = { field: 'types', type: 'quantitative', title: 'predicted object types' };
    const y = { field: 'failed', type: 'quantitative', title: 'failed policies' };
    return {
      $schema: VEGA_LITE_SCHEMA,
      title: 'Failed policies vs predicted object types',
      config: CONFIG,
      data: { values },
      facet: { field: 'label', type: 'nominal', title: null, sort: styles.domain, header: { labelExpr: MULTILINE, labelFontSize: 11 } },
      columns: 5,
      spec: {
        width: 190,
        height: 150,
        layer: [
          {
            transform: [{ filter: "datum.kind === 'scripts'" }],
            mark: { type: 'circle', opacity: 0.45 },
            encoding: {
              x,
              y,
              color: styles.color(null),
              size: { field: 'scripts', type: 'quantitative', title: 'scripts', scale: { range: [12, 360] } },
              tooltip: [{ field: 'model' }, { field: 'types' }, { field: 'failed' }, { field: 'scripts' }],
            },
          },
          {
            transform: [{ filter: "datum.kind === 'mean'" }],
            mark: { type: 'line', color: '#333', strokeWidth: 1.2 },
            encoding: { x, y: { ...y, title: 'failed policies' } },
          },
        ],
      },
    };
  },
};
