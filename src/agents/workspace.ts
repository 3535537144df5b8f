import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { UsageError } from '../core/errors.ts';
import { maskSecrets } from '../llm/redact.ts';
import type { GeneratedFile } from './extract-files.ts';
import { confinedPath } from './safe-path.ts';

const OWN_OUTPUTS = ['report.json', 'trace.jsonl', 'REVIEW.md'];

/**
 * The --out directory: generated files (names already sanitised, and confined here again), report.json,
 * trace.jsonl, REVIEW.md (the on-disk caches live elsewhere, see `cacheRoot`). Refuses a non-empty directory that is
 * not a previous generate output. Files written by an earlier iteration and absent from the current one are removed.
 * Every write masks the run's API keys, whatever put them in the text.
 */
export class Workspace {
  private written = new Set<string>();

  constructor(
    readonly dir: string,
    private readonly secrets: readonly string[] = [],
  ) {}

  prepare(): void {
    if (existsSync(this.dir)) {
      const stat = lstatSync(this.dir);
      if (!stat.isDirectory()) throw new UsageError(`--out ${this.dir} exists and is not a directory`);
      const entries = readdirSync(this.dir);
      if (entries.length > 0 && !entries.includes('report.json') && !entries.includes('trace.jsonl')) {
        throw new UsageError(`--out ${this.dir} is not empty and not a previous iacpac generate output; choose a new directory`);
      }
      // A previous run: remove what generate writes (top-level Terraform, policies/, its reports); keep anything else.
      for (const entry of entries) {
        if (OWN_OUTPUTS.includes(entry) || /\.(tf|tf\.json|tfvars)$/.test(entry)) rmSync(join(this.dir, entry), { force: true });
      }
      rmSync(join(this.dir, 'policies'), { recursive: true, force: true });
    }
    mkdirSync(this.dir, { recursive: true });
  }

  /** Writes the current file set and removes files of earlier iterations that are no longer part of it. */
  writeFiles(files: readonly GeneratedFile[]): void {
    const next = new Set(files.map((f) => f.path));
    for (const path of this.written) if (!next.has(path)) rmSync(confinedPath(this.dir, path), { force: true });
    for (const file of files) this.writeText(file.path, file.content);
    this.written = next;
  }

  writeText(relativePath: string, content: string): string {
    const target = confinedPath(this.dir, relativePath);
    mkdirSync(dirname(target), { recursive: true });
    // Never write through a symlink planted in --out.
    if (existsSync(target) && lstatSync(target).isSymbolicLink()) unlinkSync(target);
    writeFileSync(target, maskSecrets(content, this.secrets));
    return target;
  }

  /** Re-reads the current files from disk (after a human edited them in --interactive mode). */
  readFiles(): GeneratedFile[] {
    const files: GeneratedFile[] = [];
    const add = (rel: string): void => {
      const path = join(this.dir, rel);
      if (existsSync(path) && lstatSync(path).isFile()) files.push({ path: rel, content: readFileSync(path, 'utf8') });
    };
    for (const entry of readdirSync(this.dir).sort()) if (/\.(tf|tf\.json|tfvars)$/.test(entry)) add(entry);
    for (const folder of ['policies', 'policies/lib']) {
      const dir = join(this.dir, folder);
      if (existsSync(dir)) for (const entry of readdirSync(dir).sort()) if (entry.endsWith('.rego')) add(`${folder}/${entry}`);
    }
    return files;
  }
}
