import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { offlineOverrideFiles } from '../../src/backends/offline-overrides.ts';

/**
 * A temporary copy of a configuration with the offline provider override files the recorded real plans
 * were made with (so `configuration.provider_config` matches too).
 */
export function offlineCopy(files: Record<string, string> | string): string {
  const dir = mkdtempSync(join(tmpdir(), 'iacpac-plan-test-'));
  if (typeof files === 'string') cpSync(files, dir, { recursive: true, filter: (p) => !p.endsWith('terraform-plan.json') });
  else for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const main = existsSync(join(dir, 'main.tf')) ? readFileSync(join(dir, 'main.tf'), 'utf8') : '';
  for (const [name, text] of Object.entries(offlineOverrideFiles(main))) writeFileSync(join(dir, name), text);
  return dir;
}

/** JSON with object keys sorted (key order is not part of the plan format). */
export function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) out[key] = canonical((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}
