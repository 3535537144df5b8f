import { SEVERITIES } from '../summarize.ts';
import { CONFIG, MULTILINE, VEGA_LITE_SCHEMA, modelStyles, type ChartDefinition } from './chart.ts';

const COLORS = ['#9ecae1', '#74c476', '#fdae6b', '#e6550d', '#a50f15'];

/** Stacked bars by severity per model: per final script (left, comparable across run sizes) and in total (right). */
export const severityDistribution: ChartDefinition = {
  name: 'severity-distribution',
  title: 'Failed security policies by severity, per script and in total',
  caption:
    'Left: failed policies per final script (runs of different sizes compare directly); right: all failed policies of the run. Bars stack by severity; the number at the end of a bar is its total.',
  legend: (summary) => [...summary.models, ...SEVERITIES],
  spec: (summary) => {
    const styles = modelStyles(summary.models);
    const overall = summary.groups.filter((g) => g.difficulty === null);
    const panel = (measure: 'perScript' | 'total') => {
      const bars = overall.flatMap((g) =>
        SEVERITIES.map((severity, order) => ({
          model: g.model,
          label: styles.label(g.model),
          severity,
          order,
          value: measure === 'total' ? g.findingsBySeverity[severity] : (g.findingsPerScriptBySeverity?.[severity] ?? 0),
        })),
      );
      const totals = overall.map((g) => ({ label: styles.label(g.model), value: measure === 'total' ? g.findingsTotal : (g.findingsPerScript ?? 0) }));
      const max = Math.max(0, ...totals.map((t) => t.value));
      const digits = measure === 'total' ? 'd' : '.2f';
      const y = {
        field: 'label',
        type: 'nominal',
        title: null,
        scale: { domain: styles.domain },
        axis: measure === 'perScript' ? { labelExpr: MULTILINE } : { labels: false, ticks: false, domain: false },
      };
      const x = {
        field: 'value',
        type: 'quantitative',
        title: measure === 'total' ? 'failed policies (all final scripts)' : 'failed policies per final script',
        scale: { domain: [0, max > 0 ? max * 1.22 : 1], nice: false },
        axis: { format: measure === 'total' ? ',d' : '.1f' },
      };
      return {
        width: 400,
        height: { step: styles.rowStep },
        title: { text: measure === 'total' ? 'in total' : 'per final script', fontSize: 12, anchor: 'middle' },
        layer: [
          {
            data: { values: bars },
            mark: { type: 'bar' },
            encoding: {
              x: { ...x, stack: 'zero' },
              y,
              color: { field: 'severity', type: 'nominal', title: 'severity', scale: { domain: [...SEVERITIES], range: COLORS } },
              order: { field: 'order', type: 'quantitative' },
              tooltip: [{ field: 'model' }, { field: 'severity' }, { field: 'value', format: digits }],
            },
          },
          {
            data: { values: totals },
            mark: { type: 'text', align: 'left', dx: 4, fontSize: 11 },
            encoding: { x, y, text: { field: 'value', type: 'quantitative', format: measure === 'total' ? ',d' : '.2f' } },
          },
        ],
      };
    };
    return { $schema: VEGA_LITE_SCHEMA, title: 'Failed security policies by severity', config: CONFIG, hconcat: [panel('perScript'), panel('total')], spacing: 24 };
  },
};
