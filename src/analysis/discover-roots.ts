import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { isConfigFileName } from '../terraform/load-files.ts';

/** Directories never searched for configurations: tool caches and dependency folders (hidden ones are skipped too). */
const SKIPPED_DIRS = new Set(['node_modules']);

/** Deepest directory level searched below a given path (a guard against pathological trees). */
export const MAX_SEARCH_DEPTH = 64;

/**
 * Every directory at or below `dir` that holds Terraform configuration files (`*.tf`, `*.tf.json`), in sorted order.
 * Skips `.terraform/` and every other hidden directory, `node_modules/`, and symbolic links to directories (so a
 * link loop cannot trap the search). Which of them are root modules is decided after loading them: a directory that
 * another one calls as a local module is not a root.
 */
export async function findConfigurationDirs(dir: string): Promise<string[]> {
  const found: string[] = [];
  const visit = async (current: string, depth: number): Promise<void> => {
    let entries: import('node:fs').Dirent[];
    try {
      entries = await readdir(current, { withFileTypes: true });
    } catch {
      return; // unreadable subdirectories are left out of the search; an unreadable given path fails when loaded
    }
    if (entries.some((e) => (e.isFile() || e.isSymbolicLink()) && isConfigFileName(e.name))) found.push(current);
    if (depth >= MAX_SEARCH_DEPTH) return;
    const subdirs = entries.filter((e) => e.isDirectory() && !e.name.startsWith('.') && !SKIPPED_DIRS.has(e.name)).map((e) => e.name).sort();
    for (const name of subdirs) await visit(join(current, name), depth + 1);
  };
  await visit(dir, 0);
  return found;
}
