import type { Summary } from '../summarize.ts';
import { CONFIG, LINE_HEIGHT, VEGA_LITE_SCHEMA, fitDomain, fitUnitDomain, labelWidth, lineCount, modelStyles, type ChartDefinition } from './chart.ts';
import { placeLabels } from './label-placement.ts';

const WIDTH = 1000;
const HEIGHT = 360;
const METRICS = [
  { key: 'objectRecall', title: 'object recall' },
  { key: 'objectPrecision', title: 'object precision' },
] as const;

/** Two panels (recall, precision): a labelled point per model at its average number of predicted object types. */
export const objectsVsTypes: ChartDefinition = {
  name: 'object-recall-precision',
  title: 'Object recall and precision vs average predicted object types',
  caption:
    'Top: recall; bottom: precision (all difficulties). Each point is a model, labelled with its name; the x position is the average number of distinct object types in its final scripts.',
  legend: (summary) => [...points(summary).map((p) => p.model), ...METRICS.map((m) => m.title)],
  spec: (summary) => {
    const styles = modelStyles(summary.models);
    const all = points(summary);
    const types = all.map((p) => p.types);
    const xDomain = fitDomain(types);
    const panels = METRICS.map((metric) => {
      const data = all.filter((p) => p[metric.key] !== null);
      const [low, high] = fitUnitDomain(data.map((p) => p[metric.key]!));
      // Headroom above 1.0 so labels of points at the top have room; ticks stop at 1.0 (scores cannot exceed it).
      const yDomain: [number, number] = [low, high + (high - low) * 0.08];
      const step = [0.01, 0.02, 0.05, 0.1, 0.2].find((s) => (high - low) / s <= 8) ?? 0.2;
      const ticks = Array.from({ length: Math.floor((high - low) / step + 1e-9) + 1 }, (_, i) => Number((low + i * step).toFixed(2)));
      const px = (x: number) => ((x - xDomain[0]) / (xDomain[1] - xDomain[0])) * WIDTH;
      const py = (y: number) => HEIGHT - ((y - yDomain[0]) / (yDomain[1] - yDomain[0])) * HEIGHT;
      const dataX = (x: number) => xDomain[0] + (x / WIDTH) * (xDomain[1] - xDomain[0]);
      const dataY = (y: number) => yDomain[0] + ((HEIGHT - y) / HEIGHT) * (yDomain[1] - yDomain[0]);
      const placed = placeLabels(
        data.map((p) => ({ x: px(p.types), y: py(p[metric.key]!), width: labelWidth(styles.label(p.model)) + 4, height: lineCount(styles.label(p.model)) * LINE_HEIGHT + 2 })),
        { width: WIDTH, height: HEIGHT },
      );
      const values = data.map((p, i) => {
        const box = placed[i]!;
        const label = styles.label(p.model);
        const width = labelWidth(label);
        const point = { x: px(p.types), y: py(p[metric.key]!) };
        // The text hugs the side of its box nearest the point (estimated glyph widths are generous).
        const align = box.x >= point.x ? 'left' : box.x + width <= point.x ? 'right' : 'center';
        const anchorX = align === 'left' ? box.x + 2 : align === 'right' ? box.x + width + 2 : box.x + width / 2 + 2;
        // The leader line ends at the side of the label box nearest to the point.
        const endX = align === 'center' ? point.x : anchorX;
        const endY = Math.min(Math.max(point.y, box.y), box.y + lineCount(label) * LINE_HEIGHT);
        return {
          model: p.model,
          label,
          align,
          types: p.types,
          value: p[metric.key],
          labelX: dataX(anchorX),
          labelY: dataY(box.y + 1),
          leaderX: dataX(endX),
          leaderY: dataY(endY),
          leader: box.leader,
        };
      });
      const x = { field: 'types', type: 'quantitative', title: 'average predicted object types', scale: { domain: xDomain, nice: false } };
      const y = { field: 'value', type: 'quantitative', title: metric.title, scale: { domain: yDomain, nice: false }, axis: { format: '.2f', values: ticks } };
      return {
        width: WIDTH,
        height: HEIGHT,
        title: { text: metric.title, fontSize: 12, anchor: 'middle' },
        data: { values },
        layer: [
          {
            transform: [{ filter: 'datum.leader' }],
            mark: { type: 'rule', color: '#999', strokeWidth: 0.8 },
            encoding: { x, y, x2: { field: 'leaderX' }, y2: { field: 'leaderY' } },
          },
          {
            mark: { type: 'point', filled: true, size: 90, opacity: 0.95 },
            encoding: { x, y, color: styles.color(null), shape: styles.shape(null), tooltip: [{ field: 'model' }, { field: 'types', format: '.2f' }, { field: 'value', format: '.3f' }] },
          },
          ...(['left', 'right', 'center'] as const).map((align) => ({
            transform: [{ filter: `datum.align === '${align}'` }],
            mark: { type: 'text', align, baseline: 'top', fontSize: 11, lineBreak: '\n', color: '#222' },
            encoding: { x: { ...x, field: 'labelX' }, y: { ...y, field: 'labelY' }, text: { field: 'label' } },
          })),
        ],
      };
    });
    return { $schema: VEGA_LITE_SCHEMA, title: 'Object recall and precision vs average predicted object types', config: CONFIG, vconcat: panels, spacing: 30 };
  },
};

function points(summary: Summary) {
  return summary.groups
    .filter((g) => g.difficulty === null && g.avgPredictedObjectTypes !== null)
    .map((g) => ({ model: g.model, types: g.avgPredictedObjectTypes!, objectRecall: g.objectRecall, objectPrecision: g.objectPrecision }));
}
