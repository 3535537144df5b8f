// Tests that read the data prepared for developers in `../shared` (beside the checkout) skip on a fresh clone, where
// it is absent, with a one-line reason in the test name; CI has `../shared` and runs them.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe } from 'vitest';

export const repoRoot = join(import.meta.dirname, '..', '..');

/** Absolute path of `../shared/<parts>` relative to the repository root. */
export function sharedPath(...parts: string[]): string {
  return join(repoRoot, '..', 'shared', ...parts);
}

export function hasShared(...parts: string[]): boolean {
  return existsSync(sharedPath(...parts));
}

/**
 * `describe` that runs only when `../shared/<parts>` exists. The body is not even collected otherwise, so it may
 * read the data at collection time.
 */
export function describeWithShared(parts: string[], name: string, body: () => void): void {
  if (hasShared(...parts)) {
    describe(name, body);
  } else {
    describe.skip(`${name} (skipped: ../shared/${parts.join('/')} is not beside this checkout; CI has it)`, () => {});
  }
}
