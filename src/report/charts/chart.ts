import type { AttemptRecord } from '../../bench/results-store.ts';
import type { Summary } from '../summarize.ts';

/** A chart: a name (file stem) and functions from saved results to a Vega-Lite spec and to its legend entries. */
export interface ChartDefinition {
  name: string;
  title: string;
  /** How to read it (shown under the title in the HTML and Markdown reports). */
  caption: string;
  spec(summary: Summary, records: AttemptRecord[]): Record<string, unknown>;
  /** Every label a reader needs to tell the marks apart (legend entries, panel titles, notes): all must be visible. */
  legend(summary: Summary, records: AttemptRecord[]): string[];
}

export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
export const FONT = 'DejaVu Sans';
export const difficultyLabel = (d: number | null) => (d === null ? 'all difficulties' : `difficulty ${d}`);

/** Shared look: one font, readable sizes, no label truncation (long names are wrapped instead). */
export const CONFIG = {
  font: FONT,
  title: { fontSize: 15, anchor: 'start', offset: 12 },
  axis: { labelFontSize: 11, titleFontSize: 12, labelLimit: 0, titleLimit: 0 },
  legend: { labelFontSize: 11, titleFontSize: 12, labelLimit: 0, titleLimit: 0, symbolSize: 90, rowPadding: 6 },
  header: { labelFontSize: 12, titleFontSize: 12, labelLimit: 0 },
  view: { stroke: '#ddd' },
};

/** Label expression that draws a label wrapped by `wrapLabel` as several lines. */
export const MULTILINE = "split(datum.label, '\\n')";

/** Average glyph width of 11 px DejaVu Sans, rounded up (to size boxes for labels before Vega draws them). */
export const CHAR_WIDTH = 7;
export const LINE_HEIGHT = 13;

/**
 * Breaks a name into lines of at most `width` characters after separators (`:` `/` `-` `_` `.` space), cutting
 * inside a run of characters only when it alone is longer than a line. No character is dropped.
 */
export function wrapLabel(text: string, width = 24): string {
  const tokens = text.match(/[^:/_.\- ]*[:/_.\- ]?/g)?.filter((t) => t !== '') ?? [text];
  const lines: string[] = [];
  let line = '';
  for (let token of tokens) {
    while (token.length > width) {
      if (line) lines.push(line);
      lines.push(token.slice(0, width));
      token = token.slice(width);
      line = '';
    }
    if (line.length + token.length > width && line) {
      lines.push(line);
      line = '';
    }
    line += token;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

export const lineCount = (label: string) => label.split('\n').length;
export const labelWidth = (label: string) => Math.max(...label.split('\n').map((l) => l.length)) * CHAR_WIDTH;

const COLORS = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#79706e'];
const SHAPES = [
  'circle',
  'square',
  'triangle-up',
  'diamond',
  'cross',
  'triangle-down',
  'M0,-1L0.29,-0.4L0.95,-0.31L0.48,0.15L0.59,0.81L0,0.5L-0.59,0.81L-0.48,0.15L-0.95,-0.31L-0.29,-0.4Z',
  'triangle-right',
  'M-1,-0.45L0,-1L1,-0.45L1,0.45L0,1L-1,0.45Z',
  'triangle-left',
];

/** Each model's colour, marker and wrapped label, the same in every chart (by the order the runs were given). */
export function modelStyles(models: string[]) {
  const label = (model: string) => wrapLabel(model);
  const domain = models.map(label);
  const colors = models.map((_, i) => COLORS[i % COLORS.length]!);
  // Past ten models colours repeat, so markers repeat on a different cycle: the pair stays unique up to 70.
  const shapes = models.map((_, i) => SHAPES[(i + Math.floor(i / COLORS.length)) % SHAPES.length]!);
  const legend = { title: 'model', labelExpr: MULTILINE, symbolStrokeWidth: 2 };
  return {
    label,
    domain,
    color: (legendOptions: Record<string, unknown> | null = legend) => ({
      field: 'label',
      type: 'nominal',
      scale: { domain, range: colors },
      legend: legendOptions,
    }),
    shape: (legendOptions: Record<string, unknown> | null = legend) => ({
      field: 'label',
      type: 'nominal',
      scale: { domain, range: shapes },
      legend: legendOptions,
    }),
    /** Band step that fits the tallest wrapped label. */
    rowStep: Math.max(28, Math.max(1, ...domain.map(lineCount)) * LINE_HEIGHT + 10),
  };
}

/** A [low, high] range inside [0, 1] that fits `values` with a margin, at least 0.1 wide (so 98 % and 100 % differ visibly). */
export function fitUnitDomain(values: number[]): [number, number] {
  if (values.length === 0) return [0, 1];
  const min = Math.min(...values);
  const max = Math.max(...values);
  const margin = Math.max(0.01, (max - min) * 0.08);
  const high = max > 0.9 ? 1 : Math.min(1, Math.ceil((max + margin) * 20) / 20);
  let low = Math.max(0, Math.floor((min - margin) * 20) / 20);
  if (high - low < 0.1) low = Math.max(0, high - 0.1);
  return [low, high];
}

/** A [low, high] range for a count-like axis that fits `values` with a small margin, on 0.1 steps. */
export function fitDomain(values: number[]): [number, number] {
  const min = Math.min(...values);
  const max = Math.max(...values);
  const margin = Math.max(0.1, (max - min) * 0.08);
  return [Math.max(0, Math.floor((min - margin) * 10) / 10), Math.ceil((max + margin) * 10) / 10];
}

/** A chart that only says something (no data to draw): the reason is the chart. */
export function noteSpec(title: string, lines: string[]): Record<string, unknown> {
  return {
    $schema: VEGA_LITE_SCHEMA,
    title,
    config: CONFIG,
    width: Math.max(300, Math.max(...lines.map((l) => l.length)) * 8),
    height: lines.length * 20 + 10,
    data: { values: lines.map((text, i) => ({ text, i })) },
    mark: { type: 'text', align: 'left', baseline: 'top', fontSize: 13, color: '#444' },
    encoding: { text: { field: 'text' }, x: { value: 0 }, y: { field: 'i', type: 'ordinal', axis: null } },
  };
}
