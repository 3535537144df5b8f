// Renders pages in a real browser: Debian's `chromium` (apt-get install chromium) driven by puppeteer-core, which
// downloads nothing. Where no Chromium is installed the callers skip with a one-line reason.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** The Chromium binary to use: $CHROMIUM_PATH, else the usual install paths; undefined when there is none. */
export function findChromium(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  return CANDIDATES.find((path) => existsSync(path));
}

export const NO_CHROMIUM_REASON = 'no Chromium installed (apt-get install chromium, or set CHROMIUM_PATH)';

/** Flags for a quiet, offline, throw-away browser (a fresh profile each launch). */
export function chromiumFlags(userDataDir: string): string[] {
  return [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--user-data-dir=${userDataDir}`,
  ];
}

/** Opens a page at `viewport` in a fresh headless Chromium, runs `body`, then closes the browser and its profile. */
export async function withPage<T>(viewport: { width: number; height: number }, body: (page: Page) => Promise<T>): Promise<T> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(NO_CHROMIUM_REASON);
  const { default: puppeteer } = await import('puppeteer-core');
  const profile = mkdtempSync(join(tmpdir(), 'iacpac-chromium-'));
  let browser: Browser | undefined;
  try {
    browser = await puppeteer.launch({ executablePath, headless: true, args: chromiumFlags(profile), defaultViewport: viewport });
    const page = await browser.newPage();
    return await body(page);
  } finally {
    await browser?.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

/** What the layout check found wrong on a report page (empty = nothing). */
export interface LayoutProblems {
  /** Charts wider than their container, or the page wider than the window. */
  overflow: string[];
  /** Text cut by its box, outside its SVG, or truncated with an ellipsis. */
  clipped: string[];
  /** Legend entries (`data-legend` of each figure) not drawn visibly in that figure. */
  missingLegend: string[];
}

/**
 * Checks a rendered report page in the browser: every `.chart` holds its SVG without overflow, no text is clipped
 * (HTML boxes whose content is wider than they are, SVG text outside its SVG or ending in Vega's "…"), and every
 * entry of each figure's `data-legend` appears as visible text in that figure.
 */
export async function checkReportLayout(page: Page): Promise<LayoutProblems> {
  // tsx compiles with esbuild's keepNames, whose `__name` helper does not exist in the page.
  await page.evaluate('globalThis.__name = globalThis.__name || ((f) => f)');
  return page.evaluate(() => {
    const problems = { overflow: [] as string[], clipped: [] as string[], missingLegend: [] as string[] };
    const squash = (s: string | null) => (s ?? '').replace(/\s+/g, '');
    const visible = (element: Element): boolean => {
      for (let e: Element | null = element; e; e = e.parentElement) {
        const style = getComputedStyle(e);
        if (style.display === 'none' || style.visibility === 'hidden' || Number(style.opacity) === 0) return false;
        if (e.getAttribute('opacity') === '0') return false;
      }
      const box = element.getBoundingClientRect();
      return box.width > 0 && box.height > 0;
    };
    if (document.documentElement.scrollWidth > window.innerWidth + 1)
      problems.overflow.push(`page is ${document.documentElement.scrollWidth}px wide in a ${window.innerWidth}px window`);
    for (const wrap of Array.from(document.querySelectorAll('.table-wrap')))
      if (wrap.scrollWidth > wrap.clientWidth + 1) problems.overflow.push(`table ${wrap.parentElement?.id} needs ${wrap.scrollWidth}px of ${wrap.clientWidth}px`);
    for (const cell of Array.from(document.querySelectorAll('th, td, li, p, h1, h2, h3')))
      if (cell.scrollWidth > cell.clientWidth + 1 && getComputedStyle(cell).display !== 'inline')
        problems.clipped.push(`${cell.tagName.toLowerCase()} "${(cell.textContent ?? '').slice(0, 60)}" needs ${cell.scrollWidth}px of ${cell.clientWidth}px`);
    for (const figure of Array.from(document.querySelectorAll('figure'))) {
      const container = figure.querySelector('.chart');
      const svg = container?.querySelector('svg');
      if (!container || !svg) {
        problems.overflow.push(`${figure.id}: no chart`);
        continue;
      }
      const outer = container.getBoundingClientRect();
      const drawn = svg.getBoundingClientRect();
      if (drawn.right > outer.right + 1 || drawn.left < outer.left - 1 || container.scrollWidth > container.clientWidth + 1)
        problems.overflow.push(`${figure.id}: chart ${Math.round(drawn.width)}px wide in a ${Math.round(outer.width)}px container`);
      const texts = Array.from(svg.querySelectorAll('text'));
      for (const text of texts) {
        const content = text.textContent ?? '';
        if (content.trim() === '') continue;
        if (content.includes('…')) problems.clipped.push(`${figure.id}: "${content}" is truncated`);
        const box = text.getBoundingClientRect();
        if (box.left < drawn.left - 1 || box.right > drawn.right + 1 || box.top < drawn.top - 1 || box.bottom > drawn.bottom + 1)
          problems.clipped.push(`${figure.id}: "${content}" lies outside its chart`);
      }
      const legend = JSON.parse(figure.getAttribute('data-legend') ?? '[]') as string[];
      for (const entry of legend)
        if (!texts.some((t) => squash(t.textContent).includes(squash(entry)) && visible(t))) problems.missingLegend.push(`${figure.id}: "${entry}"`);
    }
    return problems;
  });
}
