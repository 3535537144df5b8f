// Runs the real `iacpac` CLI (src/cli/bin.ts under tsx) as a child process, for end-to-end tests.
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The repository root. */
export const ROOT = join(import.meta.dirname, '..', '..');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** Working directory (default: the repository root). */
  cwd?: string;
  /** The whole environment of the child; default: this process's environment with colours off. */
  env?: NodeJS.ProcessEnv;
  /** Kill the child after this many milliseconds (default 240 s). */
  timeoutMs?: number;
  /** Text written to the child's stdin (default: stdin is closed at once). */
  input?: string;
}

// tsx by absolute URL: `--import tsx` would resolve from cwd, which may be a temporary directory.
const TSX = pathToFileURL(join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
const BIN = join(ROOT, 'src', 'cli', 'bin.ts');

/** This process's environment with colours off (what most CLI tests run with). */
export function plainEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...extra };
}

/**
 * Runs `iacpac ...args` asynchronously. Prefer this to the sync form: a blocking spawn starves vitest's worker RPC
 * on a loaded machine, and a loopback server living in the test process needs the event loop to keep running.
 */
export function iacpac(args: string[], options: CliOptions = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', TSX, BIN, ...args], {
      cwd: options.cwd ?? ROOT,
      env: options.env ?? plainEnv(),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 240_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(options.input ?? '');
  });
}

/** Runs `iacpac ...args` synchronously (for short commands in tests that do not serve anything themselves). */
export function iacpacSync(args: string[], options: CliOptions = {}): CliRun {
  const result = spawnSync(process.execPath, ['--import', TSX, BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env: options.env ?? plainEnv(),
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 240_000,
    ...(options.input !== undefined ? { input: options.input } : {}),
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
