import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import type { Diagnostic } from '../core/diagnostics.ts';
import { InputError, errorMessage } from '../core/errors.ts';
import type { PlanJson } from '../plan/plan-json.ts';
import { offlineOverrideFiles } from './offline-overrides.ts';
import type { Configuration } from '../terraform/model.ts';
import { assertNoExec } from './exec-guard.ts';
import { findBinary } from './find-binary.ts';
import { runCommand } from './run-command.ts';

export interface TerraformPlanOptions {
  /** `terraform` or `tofu` (looked up on PATH), or a path to the binary. */
  binary: string;
  varFiles?: string[];
  vars?: string[];
  /** Local provider plugin directory for `init -plugin-dir` (offline installs). */
  pluginDir?: string;
  /** Plan even when the configuration can run programs (external data source, provisioners). */
  allowExec?: boolean;
  /** Per-command time limit (default 10 minutes). */
  timeoutMs?: number;
}

interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs one terraform/tofu step in `cwd` (non-interactive); a binary that cannot start is exit 127, a timeout says so. */
async function run(binary: string, args: string[], cwd: string, timeoutMs: number): Promise<RunResult> {
  try {
    const env = { ...process.env, TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1', TF_INPUT: '0' };
    const result = await runCommand(binary, args, { cwd, env, timeoutMs });
    return {
      code: result.code ?? 1,
      stdout: result.stdout,
      stderr: result.timedOut ? `${result.stderr}\n${binary} ${args[0]} was stopped after ${Math.round(timeoutMs / 1000)} s` : result.stderr,
    };
  } catch (error) {
    return { code: 127, stdout: '', stderr: errorMessage(error) };
  }
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

function failure(step: string, result: RunResult): Diagnostic {
  const text = `${result.stderr}\n${result.stdout}`.replace(ANSI, '').replace(/[│╷╵]/g, '');
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  const errorLine = lines.find((l) => l.startsWith('Error:'));
  return {
    severity: 'error',
    summary: errorLine ? errorLine.replace(/^Error:\s*/, '') : `terraform ${step} failed`,
    detail: lines.filter((l) => l !== errorLine).slice(0, 20).join('\n'),
    source: 'terraform',
    code: `terraform-${step}`,
  };
}

/**
 * Runs the real `terraform|tofu init/plan/show -json` in a temporary copy of `dir`, with fake AWS
 * credentials and the skip flags merged into the provider configuration, so no cloud account is needed.
 * Refuses configurations that could execute programs unless `allowExec`.
 */
export async function terraformPlan(dir: string, config: Configuration, options: TerraformPlanOptions): Promise<{ plan?: PlanJson; diagnostics: Diagnostic[] }> {
  assertNoExec(config, Boolean(options.allowExec), dir);
  const binary = findBinary(options.binary);
  if (!binary) throw new InputError(`${options.binary} not found on PATH; install it or use --engine embedded`);
  const timeoutMs = options.timeoutMs ?? 600_000;
  const work = mkdtempSync(join(tmpdir(), 'iacpac-plan-'));
  try {
    cpSync(resolve(dir), work, { recursive: true, filter: (source) => !source.split(/[\\/]/).includes('.terraform') });
    const sources = readdirSync(work)
      .filter((f) => f.endsWith('.tf'))
      .map((f) => readFileSync(join(work, f), 'utf8'))
      .join('\n');
    for (const [name, text] of Object.entries(offlineOverrideFiles(sources))) writeFileSync(join(work, `iacpac_${name}`), text);
    const init = ['init', '-backend=false', '-input=false', '-no-color'];
    if (options.pluginDir) init.push(`-plugin-dir=${resolve(options.pluginDir)}`);
    const initResult = await run(binary, init, work, timeoutMs);
    if (initResult.code !== 0) return { diagnostics: [failure('init', initResult)] };
    const plan = ['plan', '-input=false', '-no-color', '-lock=false', '-out=iacpac.tfplan'];
    for (const file of options.varFiles ?? []) plan.push(`-var-file=${isAbsolute(file) ? file : resolve(file)}`);
    for (const v of options.vars ?? []) plan.push(`-var=${v}`);
    const planResult = await run(binary, plan, work, timeoutMs);
    if (planResult.code !== 0) return { diagnostics: [failure('plan', planResult)] };
    const show = await run(binary, ['show', '-json', '-no-color', 'iacpac.tfplan'], work, timeoutMs);
    if (show.code !== 0) return { diagnostics: [failure('show', show)] };
    return { plan: JSON.parse(show.stdout) as PlanJson, diagnostics: [] };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
