// The module layering of docs/ARCHITECTURE.md, enforced: dependency-cruiser with .dependency-cruiser.cjs over src/
// (no runtime file cycles, every import follows scripts/architecture-layers.cjs), the table itself acyclic and
// current, and the diagram in docs/ARCHITECTURE.md generated from it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { beforeAll, describe, expect, it } from 'vitest';
import { EDGE, LAYERS, diagramSection } from '../../scripts/architecture-diagram.ts';

const ROOT = join(import.meta.dirname, '..', '..');

/** The module an src/ file belongs to (its first folder), or undefined for src/index.ts and files outside src/. */
function moduleOf(path: string): string | undefined {
  const match = /^src\/([^/]+)\//.exec(path);
  return match?.[1];
}

describe('architecture', { timeout: 120_000 }, () => {
  let result: ICruiseResult;
  beforeAll(async () => {
    const cwd = process.cwd();
    process.chdir(ROOT);
    try {
      const options = await extractDepcruiseOptions(join(ROOT, '.dependency-cruiser.cjs'));
      const output = await cruise(['src'], { ...options, validate: true }, {}, { tsConfig: extractTSConfig(join(ROOT, 'tsconfig.json')) });
      result = output.output as ICruiseResult;
    } finally {
      process.chdir(cwd);
    }
  });

  it('src/ has no dependency violation (runtime cycles, layer rules, imports of the edge)', () => {
    const violations = (result.summary.violations ?? []).map((v) => `${v.rule.name}: ${v.from} -> ${v.to}${v.cycle ? ` (cycle ${v.cycle.map((c) => c.name).join(' -> ')})` : ''}`);
    expect(violations).toEqual([]);
    expect(result.summary.totalCruised).toBeGreaterThan(300);
  });

  it('the layer table lists every module once, each after the modules it may import (so no module cycle)', () => {
    const order = Object.keys(LAYERS);
    expect(order[0]).toBe('core');
    for (const [index, [module, allowed]] of Object.entries(LAYERS).entries()) {
      for (const dependency of allowed) expect(order.indexOf(dependency), `${module} -> ${dependency}`).toBeGreaterThanOrEqual(0);
      for (const dependency of allowed) expect(order.indexOf(dependency), `${module} -> ${dependency} must come earlier`).toBeLessThan(index);
    }
    const folders = readdirSync(join(ROOT, 'src'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    expect(folders).toEqual([...order, EDGE].sort());
  });

  it('every allowed dependency in the table is used by the code (the table and its diagram stay current)', () => {
    const used = new Set<string>();
    for (const module of result.modules) {
      if (/\.test(-helper)?\.ts$/.test(module.source)) continue;
      const from = moduleOf(module.source);
      for (const dependency of module.dependencies) {
        const to = moduleOf(dependency.resolved);
        if (from && to && from !== to) used.add(`${from} -> ${to}`);
      }
    }
    const declared = Object.entries(LAYERS).flatMap(([module, allowed]) => allowed.map((dependency) => `${module} -> ${dependency}`));
    expect(declared.filter((edge) => !used.has(edge))).toEqual([]);
  });

  it('test fixtures follow one convention: __fixtures__/ beside the tests (policies keep fixtures/<ID>/ in the library)', () => {
    const offending: string[] = [];
    const visit = (dir: string): void => {
      for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
        if (!entry.isDirectory()) continue;
        const path = `${dir}/${entry.name}`;
        if (entry.name === 'fixtures' || entry.name === 'testdata') offending.push(path);
        else visit(path);
      }
    };
    for (const top of ['src', 'test', 'scripts']) visit(top);
    expect(offending).toEqual([]);
  });

  it('docs/ARCHITECTURE.md shows the diagram generated from the table (npx tsx scripts/gen-architecture-diagram.ts)', () => {
    const doc = readFileSync(join(ROOT, 'docs', 'ARCHITECTURE.md'), 'utf8');
    expect(doc).toContain(diagramSection());
  });
});
