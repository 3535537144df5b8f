import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/build-report.ts';
import { checkReportLayout, findChromium, NO_CHROMIUM_REASON, withPage } from '../helpers/headless-chromium.ts';
import { TEN_MODELS, writeSyntheticRuns } from '../helpers/synthetic-runs.ts';

const chromium = findChromium();
const WINDOW = { width: 1440, height: 1000 };

describe.skipIf(!chromium)(`report in headless Chromium${chromium ? '' : ` (skipped: ${NO_CHROMIUM_REASON})`}`, () => {
  it('a 10-model report (458 rows each): no chart overflows, no text is clipped, every legend entry is drawn; the leaderboard sorts', async () => {
    const root = mkdtempSync(join(tmpdir(), 'iacpac-report-browser-'));
    const runDirs = writeSyntheticRuns(root, TEN_MODELS);
    const { outDir, summary } = await buildReport({ runDirs, outDir: join(root, 'report') });
    expect(summary.groups.filter((g) => g.difficulty === null).map((g) => g.tasks)).toEqual(TEN_MODELS.map(() => 458));
    await withPage(WINDOW, async (page) => {
      await page.goto(pathToFileURL(join(outDir, 'report.html')).href);
      expect(await checkReportLayout(page)).toEqual({ overflow: [], clipped: [], missingLegend: [] });
      // Every figure names what it draws, and the figures that compare models name all ten.
      const legends = await page.$$eval('figure', (figures) => figures.map((f) => [f.id, JSON.parse(f.getAttribute('data-legend') ?? '[]') as string[]] as const));
      expect(legends.length).toBe(6);
      for (const [id, legend] of legends) {
        expect(legend.length, id).toBeGreaterThan(0);
        if (id !== 'figure-pass-at-k') for (const model of TEN_MODELS) expect(legend, id).toContain(model.name);
      }
      const shot = join(root, 'report.png');
      await page.screenshot({ path: shot, fullPage: true });
      expect(readFileSync(shot).subarray(1, 4).toString()).toBe('PNG');

      const column = (n: number) => page.$$eval(`#table-leaderboard tbody tr`, (rows, n) => rows.map((r) => r.cells[n]!.textContent ?? ''), n);
      const names = await column(1);
      expect(names.length).toBe(10);
      await page.click('#table-leaderboard th:nth-child(7) button'); // object recall, ascending
      const recall = (await column(6)).map(Number);
      expect(recall).toEqual([...recall].sort((a, b) => a - b));
      await page.click('#table-leaderboard th:nth-child(7) button'); // descending
      const again = (await column(6)).map(Number);
      expect(again).toEqual([...recall].sort((a, b) => b - a));
      await page.click('#table-leaderboard th:nth-child(10) button'); // judge score: numbers first, words after
      const judge = await column(9);
      const numbers = judge.filter((j) => !Number.isNaN(Number(j)));
      expect(judge.slice(0, numbers.length)).toEqual(numbers);
      expect(new Set(await column(1))).toEqual(new Set(names));
    });
  });

  it('the layout check itself finds overflowing charts, truncated or hidden text and missing legend entries', async () => {
    const page = `<!doctype html><html><body style="margin:0">
      <figure id="figure-wide" data-legend='["alpha","beta","gamma"]'><div class="chart" style="width:300px;overflow:visible">
        <svg xmlns="http://www.w3.org/2000/svg" width="600" height="100"><text x="10" y="20">alpha</text><text x="10" y="40" opacity="0">beta</text><text x="590" y="60">a long label outside</text><text x="10" y="80">trunc…</text></svg>
      </div></figure>
      <table><tr><td style="max-width:40px;overflow:hidden;white-space:nowrap">a cell far too narrow for its text</td></tr></table></body></html>`;
    const problems = await withPage(WINDOW, async (p) => {
      await p.setContent(page);
      return checkReportLayout(p);
    });
    expect(problems.overflow).toEqual(['figure-wide: chart 600px wide in a 300px container']);
    expect(problems.clipped).toEqual([
      expect.stringMatching(/^td "a cell far too narrow for its text" needs \d+px of 4\dpx$/),
      'figure-wide: "a long label outside" lies outside its chart',
      'figure-wide: "trunc…" is truncated',
    ]);
    expect(problems.missingLegend).toEqual(['figure-wide: "beta"', 'figure-wide: "gamma"']);
  });
});
