// Screenshots a report page in headless Chromium (Debian's `chromium`, driven by puppeteer-core), from the top of the
// page down to the end of one element (default: the first figure), at a 1440 px wide window.
//
//   npx tsx scripts/screenshot-report.ts <report.html> <out.png> [element-id]
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkReportLayout, withPage } from '../test/helpers/headless-chromium.ts';

const [html, out, until = 'figure-pass-rate-vs-attempts'] = process.argv.slice(2);
if (!html || !out) throw new Error('usage: npx tsx scripts/screenshot-report.ts <report.html> <out.png> [element-id]');
await withPage({ width: 1440, height: 1000 }, async (page) => {
  await page.goto(pathToFileURL(resolve(html)).href);
  const problems = await checkReportLayout(page);
  const bottom = await page.$eval(`#${until}`, (element) => element.getBoundingClientRect().bottom + window.scrollY);
  await page.screenshot({ path: out, clip: { x: 0, y: 0, width: 1440, height: Math.ceil(bottom + 16) }, captureBeyondViewport: true });
  process.stdout.write(`${out}: 1440 × ${Math.ceil(bottom + 16)} px; layout problems: ${JSON.stringify(problems)}\n`);
});
