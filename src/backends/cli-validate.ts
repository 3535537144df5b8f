import { resolve } from 'node:path';
import type { Diagnostic, ValidateResult } from '../core/diagnostics.ts';
import { toValidateResult } from '../core/diagnostics.ts';
import { InputError } from '../core/errors.ts';
import { loadConfiguration } from '../terraform/load-module.ts';
import { assertNoExec } from './exec-guard.ts';
import { requireBinary, type CliEngine } from './find-binary.ts';
import { runCommand } from './run-command.ts';
import { copyToTempDir, removeTempDir } from './temp-copy.ts';

export interface CliValidateOptions {
  engine: CliEngine;
  /** `init -plugin-dir` (providers installed locally; no registry access). */
  pluginDir?: string;
  /** Allow `external` data sources and provisioners. */
  allowExec?: boolean;
  /** Per-command timeout (default 5 minutes). */
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
}

/**
 * Runs the real `terraform`/`tofu` on a temporary copy of `dir`: `init -backend=false` (with `--plugin-dir`
 * or the `TF_PLUGIN_CACHE_DIR` of the environment), then `validate -json`. Returns Terraform's own document;
 * file names in it are relative to the copy, which mirrors `dir`. A failed init is one error diagnostic.
 */
export async function validateWithCli(dir: string, options: CliValidateOptions): Promise<ValidateResult> {
  const binary = requireBinary(options.engine);
  const config = await loadConfiguration(dir);
  assertNoExec(config, options.allowExec ?? false, dir);
  const work = copyToTempDir(resolve(dir));
  const env = { ...(options.env ?? process.env), TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1' };
  const timeoutMs = options.timeoutMs ?? 300_000;
  try {
    const initArgs = ['init', '-backend=false', '-input=false', '-no-color'];
    if (options.pluginDir) initArgs.push(`-plugin-dir=${resolve(options.pluginDir)}`);
    const init = await runCommand(binary, initArgs, { cwd: work, env, timeoutMs });
    if (init.code !== 0) return toValidateResult([initFailure(options.engine, init.stderr || init.stdout, init.timedOut)]);
    const validate = await runCommand(binary, ['validate', '-json', '-no-color'], { cwd: work, env, timeoutMs });
    try {
      return JSON.parse(validate.stdout) as ValidateResult;
    } catch {
      throw new InputError(`${options.engine} validate in ${dir} printed no JSON document (exit ${validate.code}): ${firstLine(validate.stderr)}`);
    }
  } finally {
    removeTempDir(work);
  }
}

function initFailure(engine: CliEngine, output: string, timedOut: boolean): Diagnostic {
  const text = output
    .split('\n')
    .map((line) => line.replace(/^[│╷╵]\s?/, '').trimEnd())
    .filter((line) => line.length > 0)
    .join('\n');
  return {
    severity: 'error',
    summary: timedOut ? `${engine} init timed out` : `${engine} init failed`,
    detail: text,
    source: engine,
    code: 'init-failed',
  };
}

function firstLine(text: string): string {
  return text.split('\n').find((line) => line.trim().length > 0)?.trim() ?? '';
}
