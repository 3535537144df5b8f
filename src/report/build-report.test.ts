import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { attemptRecord as record } from '../../test/helpers/attempt-record.ts';
import { ResultsStore } from '../bench/results-store.ts';
import { buildReport } from './build-report.ts';
import { CHARTS } from './charts/index.ts';

function writeRun(model: string, validAtFirst: boolean): string {
  const dir = mkdtempSync(join(tmpdir(), `iacpac-run-${model}-`));
  const store = ResultsStore.open(dir);
  for (let index = 0; index < 6; index++) {
    const difficulty = (index % 3) + 1;
    const findings = [{ policy_id: `P${index % 2}`, severity: index % 2 ? 'high' : 'medium', resource: 'aws_s3_bucket.b' }];
    if (!validAtFirst && index % 2 === 0) store.append(record({ model, index, difficulty, attempt: 1, final: false, valid: false }));
    store.append(
      record({ model, index, difficulty, attempt: !validAtFirst && index % 2 === 0 ? 2 : 1, predicted_object_types: index + 1, findings, intent_score: (index % 5) + 1, intent_correct: index % 3 !== 0 }),
    );
  }
  return dir;
}

describe('buildReport', () => {
  it('renders tables (md/csv/tex), every chart as SVG and non-blank PNG, and one HTML page for two runs', async () => {
    const a = writeRun('model-a', true);
    const b = writeRun('model-b', false);
    const out = mkdtempSync(join(tmpdir(), 'iacpac-report-'));
    const result = await buildReport({ runDirs: [a, b], outDir: out });
    expect(result.summary.models).toEqual(['model-a', 'model-b']);
    const md = readFileSync(join(out, 'report.md'), 'utf8');
    // Each model's attempts end at its own run's limit (no run-config.json here: the most attempts taken).
    expect(md).toContain('| model-a | all | 6 | 6 | 1 | 100.0 | – |');
    expect(md).toContain('| model-b | all | 6 | 6 | 2 | 50.0 | 100.0 |');
    // The leaderboard comes first, best final pass rate first.
    expect(md.indexOf('## Leaderboard')).toBeLessThan(md.indexOf('## Figures'));
    expect(md).toMatch(/\| 1 \| model-a \| 6 \| 1 \| 100\.0 \| 100\.0 \|/);
    expect(md).toMatch(/\| 2 \| model-b \| 6 \| 2 \| 50\.0 \| 100\.0 \|/);
    expect(result.files.filter((f) => f.endsWith('.csv')).sort()).toEqual([
      'tables/01-leaderboard.csv',
      'tables/02-validation-pass-rate.csv',
      'tables/03-objects.csv',
      'tables/04-intent.csv',
      'tables/05-security.csv',
      'tables/06-usage.csv',
      'tables/07-judge-health.csv',
    ]);
    expect(result.files.filter((f) => f.endsWith('.tex')).length).toBe(7);
    for (const chart of CHARTS) {
      const svg = readFileSync(join(out, 'charts', `${chart.name}.svg`), 'utf8');
      expect(svg.startsWith('<svg')).toBe(true);
      const pngPath = join(out, 'charts', `${chart.name}.png`);
      expect(statSync(pngPath).size).toBeGreaterThan(5_000);
      // Re-rasterise the SVG and check that a meaningful share of pixels is drawn (not a blank image).
      const pixels = new Resvg(svg, { background: 'white' }).render().pixels;
      let ink = 0;
      for (let i = 0; i < pixels.length; i += 4) if (pixels[i]! < 200 || pixels[i + 1]! < 200 || pixels[i + 2]! < 200) ink++;
      expect(ink / (pixels.length / 4)).toBeGreaterThan(0.01);
      expect(readFileSync(pngPath).subarray(1, 4).toString()).toBe('PNG');
    }
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html.match(/<svg/g)?.length).toBeGreaterThanOrEqual(CHARTS.length);
    // Inline SVGs keep their clip paths and gradients apart.
    const ids = [...html.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(html.indexOf('id="table-leaderboard"')).toBeLessThan(html.indexOf('<h2>Figures</h2>'));
    expect(html).toContain('id="table-judge-health"');
    // Scores without a run-config.json: a judge ran, which one is not known.
    expect(html).toContain('judge unknown (not in run-config.json)');
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { judgeHealth: Array<{ model: string; judge: string | null }> };
    expect(summary.judgeHealth.map((h) => h.model)).toEqual(['model-a', 'model-b']);
  });
});
