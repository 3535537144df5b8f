import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

/**
 * Copies a configuration directory to a fresh temporary directory (without `.terraform`, state files or
 * lock files, so the real CLI starts clean) and returns its path. Symbolic links are copied as links.
 */
export function copyToTempDir(dir: string, prefix = 'iacpac-tf-'): string {
  const target = mkdtempSync(join(tmpdir(), prefix));
  cpSync(dir, target, {
    recursive: true,
    verbatimSymlinks: true,
    filter: (source) => {
      const name = basename(source);
      return name !== '.terraform' && name !== '.terraform.lock.hcl' && !name.endsWith('.tfstate') && !name.endsWith('.tfstate.backup');
    },
  });
  return target;
}

export function removeTempDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
