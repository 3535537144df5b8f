import { SEVERITIES } from '../summarize.ts';
import { VEGA_LITE_SCHEMA, type ChartDefinition } from './chart.ts';

const COLORS = ['#9ecae1', '#74c476', '#fdae6b', '#e6550d', '#a50f15'];

export const severityDistribution: ChartDefinition = {
  name: 'severity-distribution',
  title: 'Failed security policies by severity',
  spec: (summary) => ({
    $schema: VEGA_LITE_SCHEMA,
    title: 'Failed policies by severity',
    width: 360,
    height: 220,
    data: {
      values: summary.groups
        .filter((g) => g.difficulty === null)
        .flatMap((g) => SEVERITIES.map((severity, order) => ({ model: g.model, severity, order, count: g.findingsBySeverity[severity] }))),
    },
    mark: 'bar',
    encoding: {
      x: { field: 'model', type: 'nominal', axis: { labelAngle: 0 } },
      y: { field: 'count', type: 'quantitative', title: 'failed policies', stack: 'zero' },
      color: { field: 'severity', type: 'nominal', scale: { domain: [...SEVERITIES], range: COLORS }, sort: [...SEVERITIES] },
      order: { field: 'order', type: 'quantitative' },
    },
  }),
};
