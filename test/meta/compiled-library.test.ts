// The bundled library is compiled ahead of time (assets/policies/compiled-library.txt, written by
// `npx tsx scripts/gen-policy-docs.ts`): a scan with the library alone neither parses nor compiles its Rego. The file
// must be current (a change to a policy OR to the Rego compiler needs it regenerated), and what it holds must
// evaluate exactly as the library compiled from its text.
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMPILED_LIBRARY_FILE, compiledLibraryModule, renderCompiledLibrary } from '../../src/scan/compiled-library.ts';
import { loadLibrary, readLibraryIndex } from '../../src/scan/policy-library.ts';
import { SCAN_EXTENSION_KEY, scanExtension } from '../../src/plan/scan-extension.ts';
import { synthesizePlan } from '../../src/plan/synthesize.ts';
import { loadConfiguration } from '../../src/terraform/load-module.ts';
import { createRegoBackend, type BackendModule } from '../../src/scan/rego-backend.ts';

const root = join(import.meta.dirname, '..', '..');

describe('the precompiled policy library', () => {
  it('is current: every module compiled by the current compiler from its current text (npx tsx scripts/gen-policy-docs.ts)', () => {
    const rendered = renderCompiledLibrary();
    const committed = readFileSync(join(root, COMPILED_LIBRARY_FILE), 'utf8');
    // Compared as a whole; the texts are megabytes, so no diff is printed.
    expect(rendered === committed, `${COMPILED_LIBRARY_FILE} is stale: run npx tsx scripts/gen-policy-docs.ts`).toBe(true);
  });

  it('evaluates every policy as the library compiled from its text does, and an entry for another text is not used', async () => {
    const library = loadLibrary();
    const modules: BackendModule[] = [...library.helpers, ...library.policies].map((m) => ({ file: m.displayName, source: m.source, deferred: true }));
    let served = 0;
    const precompiled = createRegoBackend(modules, {
      precompiled: (m) => {
        const text = compiledLibraryModule(m.file, m.source);
        if (text !== undefined) served++;
        return text;
      },
    });
    const compiled = createRegoBackend(modules);
    const all = modules.map((m) => m.file);
    precompiled.include(all);
    compiled.include(all);
    expect(served).toBe(modules.length);
    const policies = library.policies.map((p) => [p.id, [...p.packagePath, 'deny']] as const);
    // In object queries of at most 64 members, as the scanner queries them.
    const ask = (backend: typeof compiled, input: unknown): Record<string, unknown> => {
      const value = backend.toInput(input);
      const out: Record<string, unknown> = {};
      for (let i = 0; i < policies.length; i += 64) Object.assign(out, backend.queryRefs(policies.slice(i, i + 64), value));
      return out;
    };
    // The fail fixtures of policies spread over the library, each planned as a scan plans it; all policies on each.
    const index = readLibraryIndex();
    for (const entry of index.filter((_, i) => i % 100 === 0)) {
      const fixture = join(root, 'policies', dirname(entry.file), 'fixtures', entry.id);
      if (!existsSync(join(fixture, 'fail.tf'))) continue;
      const dir = mkdtempSync(join(tmpdir(), 'iacpac-compiled-library-'));
      try {
        copyFileSync(join(fixture, 'fail.tf'), join(dir, 'main.tf'));
        const config = await loadConfiguration(dir, { vars: [], varFiles: [] });
        const input = { ...synthesizePlan(config, { lenient: true }).plan, [SCAN_EXTENSION_KEY]: scanExtension(config) };
        const expected = ask(compiled, input) as Record<string, unknown[]>;
        expect(ask(precompiled, input), entry.id).toEqual(expected);
        expect(expected[entry.id]?.length, entry.id).toBeGreaterThan(0);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
    const first = library.policies[0]!;
    expect(compiledLibraryModule(first.displayName, first.source)).toBeDefined();
    expect(compiledLibraryModule(first.displayName, `${first.source}\n`)).toBeUndefined();
  });
});
