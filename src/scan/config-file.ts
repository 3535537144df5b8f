import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { z } from 'zod';
import { InputError } from '../core/errors.ts';
import { SEVERITIES } from './finding.ts';

export const CONFIG_FILE_NAME = '.iacpac.yaml';

const idList = z.union([z.string(), z.array(z.string())]).transform((v) => (Array.isArray(v) ? v : [v]));

/** `.iacpac.yaml`: scan defaults for a repository. Command-line options win over it. */
export const scanConfigSchema = z
  .object({
    severity: z.enum(SEVERITIES).optional(),
    policies: idList.optional(),
    skip_policies: idList.optional(),
    policy_dirs: idList.optional(),
    format: z.enum(['text', 'json', 'jsonl', 'sarif', 'junit']).optional(),
    scanner: z.enum(['iacpac', 'checkov']).optional(),
  })
  .strict();

export type ScanConfig = z.infer<typeof scanConfigSchema>;

/**
 * Reads a config file: an explicit path, or `.iacpac.yaml` in the current directory, or in the first scanned
 * directory. Relative `policy_dirs` are resolved against the file's directory. Returns {} when there is none.
 */
export function loadScanConfig(explicit: string | undefined, searchDirs: string[]): ScanConfig & { file?: string } {
  const candidates = explicit ? [explicit] : [process.cwd(), ...searchDirs].map((d) => join(d, CONFIG_FILE_NAME));
  const file = candidates.find((f) => existsSync(f));
  if (!file) {
    if (explicit) throw new InputError(`--config ${explicit}: no such file`);
    return {};
  }
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(file, 'utf8')) ?? {};
  } catch (error) {
    if (error instanceof YAMLParseError) {
      const pos = error.linePos?.[0];
      throw new InputError(`${file}:${pos?.line ?? 1}:${pos?.col ?? 1}: invalid YAML: ${error.message.split('\n')[0]}`);
    }
    throw error;
  }
  const parsed = scanConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = issue?.path.join('.') || '(top level)';
    throw new InputError(
      `${file}: ${key}: ${issue?.message ?? 'invalid'} (allowed keys: severity, policies, skip_policies, policy_dirs, format, scanner)`,
    );
  }
  const base = dirname(resolve(file));
  return {
    ...parsed.data,
    ...(parsed.data.policy_dirs ? { policy_dirs: parsed.data.policy_dirs.map((d) => resolve(base, d)) } : {}),
    file,
  };
}
