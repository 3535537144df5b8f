import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { configIssue, findConfigFile, readConfigYaml } from '../core/config-file.ts';
import { InputError } from '../core/errors.ts';

export { CONFIG_FILE_NAME, CONFIG_FILE_NAMES, LEGACY_CONFIG_FILE_NAME, findConfigFile } from '../core/config-file.ts';
import { SEVERITIES } from './finding.ts';
import { OUTPUT_FORMATS } from './output-formats.ts';

export { OUTPUT_FORMATS } from './output-formats.ts';

const idList = z.union([z.string(), z.array(z.string())]).transform((v) => (Array.isArray(v) ? v : [v]));
const severityList = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v.join(',') : v))
  .refine((v) => v.split(',').every((s) => (SEVERITIES as readonly string[]).includes(s.trim().toLowerCase())), {
    message: `use one of ${SEVERITIES.join(', ')} (a level, or a list of levels)`,
  });

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
  allow_partial: z.boolean().optional(),
  compact: z.boolean().optional(),
  quiet: z.boolean().optional(),
  baseline: z.string().min(1).optional(),
  var_files: idList.optional(),
  jobs: z.number().int().min(1).max(64).optional(),
};

export const scanConfigSchema = z
  .object({ $schema: z.string().optional(), ...scanConfigShape, llm: z.unknown().optional(), generate: z.unknown().optional() })
  .strict();

export type ScanConfig = Omit<z.infer<typeof scanConfigSchema>, 'llm' | 'generate' | '$schema'>;

/**
 * Reads the scan settings of the config file (see {@link findConfigFile}). Relative `policy_dirs`, `baseline`,
 * `output_dir` and `var_files` are resolved against the file's directory. Returns {} when there is none.
 */
export function loadScanConfig(explicit: string | undefined, searchDirs: string[]): ScanConfig & { file?: string } {
  const { file } = findConfigFile(explicit, searchDirs);
  if (!file) return {};
  const parsed = scanConfigSchema.safeParse(readConfigYaml(file));
  if (!parsed.success) throw new InputError(configIssue(file, parsed.error));
  const { llm: _llm, generate: _generate, $schema: _schema, ...settings } = parsed.data;
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
