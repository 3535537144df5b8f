import { spawn } from 'node:child_process';
import { accessSync, constants, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, isAbsolute, join, resolve } from 'node:path';
import type { Diagnostic } from '../core/diagnostics.ts';
import { InputError, UsageError } from '../core/errors.ts';
import type { PlanJson } from '../plan/plan-json.ts';
import { offlineOverrideFiles } from '../plan/offline-setup.ts';
import type { Configuration, TerraformModule } from '../terraform/model.ts';

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

/** Finds an executable on PATH (or checks a given path). */
export function findExecutable(name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const candidates = name.includes('/') ? [resolve(name)] : (env.PATH ?? '').split(delimiter).filter(Boolean).map((dir) => join(dir, name));
  for (const candidate of candidates) {
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // keep looking
    }
  }
  return undefined;
}

/**
 * What in a configuration would execute programs during `terraform plan`: `external` data sources and
 * provisioners (run at apply, but refused too so a generated configuration never gets near running).
 */
export function executionRisks(config: Configuration): string[] {
  const out: string[] = [];
  const visit = (module: TerraformModule, depth: number) => {
    for (const resource of module.resources) {
      const where = `${resource.block.defRange.filename}:${resource.block.defRange.start.line}`;
      if (resource.mode === 'data' && resource.type === 'external') out.push(`data "external" "${resource.name}" runs a program (${where})`);
      for (const p of resource.provisioners) out.push(`provisioner "${p.labels[0] ?? ''}" in ${resource.address} runs commands (${where})`);
    }
    if (depth > 32) return;
    for (const call of module.moduleCalls) if (call.module) visit(call.module, depth + 1);
  };
  visit(config.root, 0);
  return out;
}

interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

function run(binary: string, args: string[], cwd: string, timeoutMs: number): Promise<RunResult> {
  return new Promise((resolvePromise) => {
    const child = spawn(binary, args, {
      cwd,
      env: { ...process.env, TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1', TF_INPUT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => stdout.push(b));
    child.stderr.on('data', (b: Buffer) => stderr.push(b));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolvePromise({ code: 127, stdout: '', stderr: error.message });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const err = Buffer.concat(stderr).toString('utf8');
      resolvePromise({
        code: code ?? 1,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: signal ? `${err}\n${binary} ${args[0]} was stopped after ${Math.round(timeoutMs / 1000)} s` : err,
      });
    });
  });
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
  const risks = executionRisks(config);
  if (risks.length > 0 && !options.allowExec) {
    throw new UsageError(`refusing to run ${options.binary} plan: ${risks[0]}${risks.length > 1 ? ` (and ${risks.length - 1} more)` : ''}; pass --allow-exec to run it anyway`);
  }
  const binary = findExecutable(options.binary);
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
