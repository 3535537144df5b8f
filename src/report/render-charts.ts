import type { AttemptRecord } from '../bench/results-store.ts';
import { CHARTS } from './charts/index.ts';
import type { Summary } from './summarize.ts';

export interface RenderedChart {
  name: string;
  title: string;
  caption: string;
  /** Labels that must be visible in the drawn chart (see ChartDefinition.legend). */
  legend: string[];
  spec: Record<string, unknown>;
  svg: string;
  png: Buffer;
}

/** Vega-Lite spec -> SVG (vega headless renderer) -> PNG (resvg). */
export async function renderChart(spec: Record<string, unknown>): Promise<{ svg: string; png: Buffer }> {
  const vegaLite = await import('vega-lite');
  const vega = await import('vega');
  const { Resvg } = await import('@resvg/resvg-js');
  const compiled = vegaLite.compile(spec as never).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  const resvg = new Resvg(svg, {
    background: 'white',
    fitTo: { mode: 'zoom', value: 2 },
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
  });
  const png = Buffer.from(resvg.render().asPng());
  return { svg, png };
}

export async function renderCharts(summary: Summary, records: AttemptRecord[]): Promise<RenderedChart[]> {
  const out: RenderedChart[] = [];
  for (const chart of CHARTS) {
    const spec = chart.spec(summary, records);
    const { svg, png } = await renderChart(spec);
    out.push({ name: chart.name, title: chart.title, caption: chart.caption, legend: chart.legend(summary, records), spec, svg, png });
  }
  return out;
}
