import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

/**
 * Vitest's order (slowest first by its cache, else largest file first), except that the fresh-clone e2e test starts
 * first: it installs a clone and runs the whole suite inside it (minutes, mostly waiting on its child processes), so
 * it must overlap with the other files instead of running alone at the end. On a fresh clone there is no timing cache,
 * and that small file would otherwise be scheduled last.
 */
class FreshCloneFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const first = (spec: TestSpecification): number => (spec.moduleId.endsWith('/test/e2e/fresh-clone.test.ts') ? 0 : 1);
    return [...sorted].sort((a, b) => first(a) - first(b));
  }
}

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'policies/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    sequence: { sequencer: FreshCloneFirst },
  },
});
