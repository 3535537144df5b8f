import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { InputError } from '../core/errors.ts';

export type CliEngine = 'terraform' | 'tofu';

/** The absolute path of `name` on PATH (or in `pathValue`), or of `name` itself when it is a path; undefined when absent. */
export function findBinary(name: string, pathValue = process.env.PATH ?? ''): string | undefined {
  const candidates = name.includes('/') ? [resolve(name)] : pathValue.split(delimiter).filter(Boolean).map((dir) => join(dir, name));
  for (const candidate of candidates) {
    try {
      if (!statSync(candidate).isFile()) continue;
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** The terraform/tofu binary, or an InputError that says how to proceed. */
export function requireBinary(engine: CliEngine, pathValue?: string): string {
  const found = findBinary(engine, pathValue);
  if (!found) {
    throw new InputError(`${engine} was not found on PATH; install it, or use --engine embedded (the default, no binary needed)`);
  }
  return found;
}
