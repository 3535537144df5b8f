import type { AttemptRecord } from '../../bench/results-store.ts';
import type { Summary } from '../summarize.ts';

/** A chart: a name (file stem) and a function from saved results to a Vega-Lite spec. */
export interface ChartDefinition {
  name: string;
  title: string;
  spec(summary: Summary, records: AttemptRecord[]): Record<string, unknown>;
}

export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
export const difficultyLabel = (d: number | null) => (d === null ? 'all' : `difficulty ${d}`);
