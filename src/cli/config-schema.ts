import { z } from 'zod';
import { configIssue, findConfigFile, readConfigYaml } from '../core/config-file.ts';
import { InputError } from '../core/errors.ts';
import { logger } from '../core/logger.ts';
import { configFileSchema } from '../llm/config.ts';
import { scanConfigShape } from '../scan/config-file.ts';

/**
 * The whole `.iacpac.yaml`: the settings of check/scan/validate at the top level, `llm` and `generate` for the
 * generator. Every command checks the file against it before it runs (a typo is exit 2, never silently ignored);
 * docs/iacpac.schema.json is generated from it (`npx tsx scripts/gen-config-schema.ts`, checked by a test).
 */
export const iacpacConfigSchema = z
  .object({
    $schema: z.string().optional(),
    ...scanConfigShape,
    llm: configFileSchema.shape.llm,
    generate: configFileSchema.shape.generate,
  })
  .strict();

/**
 * Checks the config file a command will read (`--config`, else `.iacpac.yaml`/`.iacpac.yml` in the current
 * directory, else the legacy `iacpac.config.yaml`, which is read with a warning to rename it).
 */
export function checkConfigFile(explicit: string | undefined, cwd = process.cwd()): void {
  const { file, legacy } = findConfigFile(explicit, [], cwd);
  if (!file) return;
  if (legacy) logger.err(`iacpac: ${file}: this file name is deprecated; rename it to .iacpac.yaml (one config file for every command)`);
  const parsed = iacpacConfigSchema.safeParse(readConfigYaml(file));
  if (!parsed.success) throw new InputError(configIssue(file, parsed.error));
}
