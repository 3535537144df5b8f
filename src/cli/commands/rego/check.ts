/**
 * `iacpac rego check`: parse and compile modules as `opa check` does (strict mode, capabilities, bundles). Like
 * `opa check`, it reads only the `.rego` files under the paths (data files are not loaded, so a YAML fixture that is
 * not valid YAML does not fail the check), and in bundle mode the bundle's data as well.
 */
import { ExitError, InputError, UsageError } from '../../../core/errors.ts';
import { logger } from '../../../core/logger.ts';
import type { RegoError } from '../../../rego/index.ts';
import { createEngine, errorJson, errorsText, jsonText, regoErrorsOf } from './engine.ts';
import { load } from './load.ts';

export interface RegoCheckOptions {
  v0Compatible?: boolean;
  /** Accepted for `opa check --v0-v1`: modules that import rego.v1 are checked as v1, the rest as v0 or v1 per --v0-compatible. */
  v0V1?: boolean;
  format?: string;
  strict?: boolean;
  capabilities?: string;
  ignore?: string[];
  bundle?: boolean;
}

export async function regoCheck(paths: string[], options: RegoCheckOptions): Promise<void> {
  if (options.format && options.format !== 'pretty' && options.format !== 'json') throw new UsageError(`--format must be pretty or json, got ${options.format}`);
  const loaded = load(paths, { ignore: options.ignore ?? [], ...(options.bundle ? { bundle: true } : { onlyRego: true }) });
  if (loaded.modules.length === 0) throw new InputError(`no .rego files found in ${paths.join(', ')}`);
  let errors: RegoError[] = [];
  try {
    createEngine(loaded, options).compile();
  } catch (error) {
    const list = regoErrorsOf(error);
    if (!list) throw error;
    errors = list;
  }
  if (options.format === 'json') {
    logger.out(jsonText(errors.length ? { errors: errors.map(errorJson) } : {}));
    if (errors.length) throw new ExitError(1);
    return;
  }
  if (errors.length) {
    logger.err(errorsText(errors));
    throw new ExitError(1);
  }
  logger.out(`${loaded.modules.length} module${loaded.modules.length === 1 ? '' : 's'} OK`);
}
