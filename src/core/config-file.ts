import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { yamlLib } from './yaml-lib.ts';
import type { ZodError } from 'zod';
import { InputError } from './errors.ts';

/**
 * The one config file every command reads (`.iacpac.yaml`): where it is found and how it is read. Each module checks
 * its own section (scan settings at the top level: scan/config-file.ts; `llm`/`generate`: llm/config.ts); the whole
 * file is described by docs/iacpac.schema.json.
 */

/** The config file names, in the order they are looked for in a directory. */
export const CONFIG_FILE_NAMES = ['.iacpac.yaml', '.iacpac.yml'] as const;
export const CONFIG_FILE_NAME = CONFIG_FILE_NAMES[0];
/** The file name the generator read before every command read `.iacpac.yaml` (still read, with a warning to rename it). */
export const LEGACY_CONFIG_FILE_NAME = 'iacpac.config.yaml';

/**
 * Finds the config file: an explicit path, or `.iacpac.yaml` / `.iacpac.yml` in the current directory, then in each
 * of `searchDirs`; else the legacy `.iacpac.yaml` in the current directory. Two names in one directory is an
 * error (one would be silently ignored).
 */
export function findConfigFile(explicit: string | undefined, searchDirs: readonly string[], cwd = process.cwd()): { file?: string; legacy?: boolean } {
  if (explicit) {
    const file = resolve(cwd, explicit);
    if (!existsSync(file)) throw new InputError(`--config ${explicit}: no such file`);
    return { file };
  }
  for (const dir of [cwd, ...searchDirs]) {
    const present = CONFIG_FILE_NAMES.map((name) => join(resolve(cwd, dir), name)).filter((f) => existsSync(f));
    if (present.length > 1) throw new InputError(`${present.join(' and ')}: two config files in one directory; keep one`);
    if (present[0]) return { file: present[0] };
  }
  const legacy = join(cwd, LEGACY_CONFIG_FILE_NAME);
  if (existsSync(legacy)) return { file: legacy, legacy: true };
  return {};
}

/** Reads a YAML config file: InputError with file:line:col for broken YAML. */
export function readConfigYaml(file: string): unknown {
  try {
    return yamlLib().parse(readFileSync(file, 'utf8'), { maxAliasCount: 100 }) ?? {};
  } catch (error) {
    if (error instanceof yamlLib().YAMLParseError) {
      const pos = error.linePos?.[0];
      throw new InputError(`${file}:${pos?.line ?? 1}:${pos?.col ?? 1}: invalid YAML: ${error.message.split('\n')[0]}`);
    }
    throw error;
  }
}

/** The first zod issue as `file: key: message`. */
export function configIssue(file: string, error: ZodError): string {
  const issue = error.issues[0];
  const key = issue?.path.join('.') || '(top level)';
  return `${file}: ${key}: ${issue?.message ?? 'invalid'} (see docs/iacpac.schema.json)`;
}

