import { readFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { z } from 'zod';
import { InputError } from '../core/errors.ts';
import type { Finding, ScanResult } from './finding.ts';

/**
 * A baseline file (`--create-baseline`, `--baseline <file>`): the findings a repository has accepted for now, so a
 * scan reports only new ones (baseline findings are still listed, as suppressed). Like Checkov's baseline it keys
 * findings by resource and policy, not by line, so edits elsewhere in a file do not break it; root directories are
 * stored relative to the baseline file, so it works from any working directory.
 */
export const baselineSchema = z
  .object({
    version: z.literal(1),
    generator: z.string().optional(),
    findings: z.array(
      z
        .object({
          root: z.string(),
          resource: z.string(),
          file: z.string().optional(),
          policies: z.array(z.string()).min(1),
        })
        .strict(),
    ),
  })
  .strict();

export type Baseline = z.infer<typeof baselineSchema>;

function rootKey(baselineFile: string, dir: string): string {
  const rel = relative(dirname(resolve(baselineFile)), resolve(dir)).split(sep).join('/');
  return rel === '' ? '.' : rel;
}

/** The baseline of `results` (unsuppressed findings only), to be written to `baselineFile`. */
export function createBaseline(results: readonly ScanResult[], baselineFile: string, generator: string): Baseline {
  const entries = new Map<string, Baseline['findings'][number]>();
  for (const result of results) {
    for (const f of result.findings) {
      if (f.suppressed || f.severity === 'error') continue;
      const root = rootKey(baselineFile, result.dir);
      const key = `${root}\u0000${f.resource}`;
      const entry = entries.get(key) ?? { root, resource: f.resource, ...(f.range ? { file: f.range.filename } : {}), policies: [] };
      if (!entry.policies.includes(f.policy_id)) entry.policies.push(f.policy_id);
      entries.set(key, entry);
    }
  }
  const findings = [...entries.values()].sort((a, b) => a.root.localeCompare(b.root) || a.resource.localeCompare(b.resource));
  for (const entry of findings) entry.policies.sort();
  return { version: 1, generator, findings };
}

/** Reads and checks a baseline file: InputError with the file and what is wrong. */
export function readBaseline(file: string): Baseline {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(
      code === 'ENOENT'
        ? `--baseline ${file}: no such file; create it with --create-baseline`
        : `--baseline ${file}: not a JSON baseline (${(error as Error).message})`,
    );
  }
  const parsed = baselineSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(`--baseline ${file}: ${issue?.path.join('.') || '(top level)'}: ${issue?.message ?? 'invalid'}; recreate it with --create-baseline`);
  }
  return parsed.data;
}

/** Marks findings listed in the baseline as suppressed (kind `baseline`); returns new result objects. */
export function applyBaseline(results: readonly ScanResult[], baseline: Baseline, baselineFile: string): ScanResult[] {
  const accepted = new Set<string>();
  for (const entry of baseline.findings) for (const id of entry.policies) accepted.add(`${entry.root}\u0000${entry.resource}\u0000${id}`);
  return results.map((result) => {
    const root = rootKey(baselineFile, result.dir);
    const findings = result.findings.map((f): Finding => {
      if (f.suppressed || !accepted.has(`${root}\u0000${f.resource}\u0000${f.policy_id}`)) return f;
      return { ...f, suppressed: true, suppression_reason: `in baseline ${baselineFile}`, suppression_kind: 'baseline' };
    });
    return { ...result, findings };
  });
}
