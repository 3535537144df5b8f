import { resolve } from 'node:path';
import { toValidateResult, type ValidateResult } from '../core/diagnostics.ts';
import { loadSchemas } from '../schema/bundled.ts';
import type { ProviderSchemas } from '../schema/provider-schemas.ts';
import { loadConfiguration } from '../terraform/load-module.ts';
import { validateConfiguration } from './validate-configuration.ts';

export interface ValidateDirectoryOptions {
  /** Extra `terraform providers schema -json` files (`--schema`). */
  schemaFiles?: string[];
  /** Already-loaded schemas (wins over `schemaFiles`). */
  schemas?: ProviderSchemas;
  varFiles?: string[];
  /** `--var k=v` assignments, as written on the command line. */
  vars?: string[];
}

/** Loads and validates the configuration in `dir` with the embedded engine; Terraform's `validate -json` shape. */
export async function validateDirectory(dir: string, options: ValidateDirectoryOptions = {}): Promise<ValidateResult> {
  const schemas = options.schemas ?? loadSchemas(options.schemaFiles ?? []);
  const config = await loadConfiguration(dir, {
    inputValues: 'explicit',
    ...(options.varFiles ? { varFiles: options.varFiles } : {}),
    ...(options.vars ? { vars: options.vars } : {}),
  });
  return toValidateResult(validateConfiguration(config, schemas, { rootDir: resolve(dir) }));
}
