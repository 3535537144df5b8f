import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { z } from 'zod';
import { InputError } from '../core/errors.ts';
import { SEVERITIES } from './finding.ts';

/** The config file names, in the order they are looked for in a directory. */
export const CONFIG_FILE_NAMES = ['.iacpac.yaml', '.iacpac.yml'] as const;
export const CONFIG_FILE_NAME = CONFIG_FILE_NAMES[0];
/** The file name the generator read before every command read `.iacpac.yaml` (still read, with a warning to rename it). */
export const LEGACY_CONFIG_FILE_NAME = 'iacpac.config.yaml';

const idList = z.union([z.string(), z.array(z.string())]).transform((v) => (Array.isArray(v) ? v : [v]));
const severityList = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v.join(',') : v))
  .refine((v) => v.split(',').every((s) => (SEVERITIES as readonly string[]).includes(s.trim().toLowerCase())), {
    message: `use one of ${SEVERITIES.join(', ')} (a level, or a list of levels)`,
  });
export const OUTPUT_FORMATS = ['text', 'json', 'jsonl', 'sarif', 'junit'] as const;

/**
 * The settings of `.iacpac.yaml` that `check`, `scan` and `validate` read (command-line options win over them).
 * `llm` and `generate` belong to the generator (checked by its own schema, `llm/config.ts`); the whole file is checked
 * against both by the CLI before any command runs, and documented by `docs/iacpac.schema.json`.
 */
export const scanConfigShape = {
  severity: severityList.optional(),
  policies: idList.optional(),
  skip_policies: idList.optional(),
  policy_dirs: idList.optional(),
  format: z.union([z.enum(OUTPUT_FORMATS), z.array(z.enum(OUTPUT_FORMATS))]).optional(),
  output_dir: z.string().min(1).optional(),
  scanner: z.enum(['iacpac', 'checkov']).optional(),
  soft_fail: z.boolean().optional(),
  compact: z.boolean().optional(),
  quiet: z.boolean().optional(),
  baseline: z.string().min(1).optional(),
  var_files: idList.optional(),
  jobs: z.number().int().min(1).max(64).optional(),
};

export const scanConfigSchema = z
  .object({ ...scanConfigShape, llm: z.unknown().optional(), generate: z.unknown().optional() })
  .strict();

export type ScanConfig = Omit<z.infer<typeof scanConfigSchema>, 'llm' | 'generate'>;

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
    return parseYaml(readFileSync(file, 'utf8'), { maxAliasCount: 100 }) ?? {};
  } catch (error) {
    if (error instanceof YAMLParseError) {
      const pos = error.linePos?.[0];
      throw new InputError(`${file}:${pos?.line ?? 1}:${pos?.col ?? 1}: invalid YAML: ${error.message.split('\n')[0]}`);
    }
    throw error;
  }
}

/** The first zod issue as `file: key: message`. */
export function configIssue(file: string, error: z.ZodError): string {
  const issue = error.issues[0];
  const key = issue?.path.join('.') || '(top level)';
  return `${file}: ${key}: ${issue?.message ?? 'invalid'} (see docs/iacpac.schema.json)`;
}

/**
 * Reads the scan settings of the config file (see {@link findConfigFile}). Relative `policy_dirs`, `baseline`,
 * `output_dir` and `var_files` are resolved against the file's directory. Returns {} when there is none.
 */
export function loadScanConfig(explicit: string | undefined, searchDirs: string[]): ScanConfig & { file?: string } {
  const { file } = findConfigFile(explicit, searchDirs);
  if (!file) return {};
  const parsed = scanConfigSchema.safeParse(readConfigYaml(file));
  if (!parsed.success) throw new InputError(configIssue(file, parsed.error));
  const { llm: _llm, generate: _generate, ...settings } = parsed.data;
  const base = dirname(resolve(file));
  const at = (p: string): string => resolve(base, p);
  return {
    ...settings,
    ...(settings.policy_dirs ? { policy_dirs: settings.policy_dirs.map(at) } : {}),
    ...(settings.var_files ? { var_files: settings.var_files.map(at) } : {}),
    ...(settings.baseline ? { baseline: at(settings.baseline) } : {}),
    ...(settings.output_dir ? { output_dir: at(settings.output_dir) } : {}),
    file,
  };
}
