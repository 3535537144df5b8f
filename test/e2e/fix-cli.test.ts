/**
 * `iacpac fix` end to end: the real CLI on a broken, insecure configuration. Dry runs print the repairs and a
 * unified diff and write nothing; --write writes them (the rest of the file as it was, comments included); without
 * --write and without a terminal nothing is written; exit codes 0 (nothing left), 1 (problems remain), 2 (usage).
 * The terminal confirmation runs under `script` (a pseudo-terminal) where it is installed.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { iacpac, plainEnv, ROOT } from '../helpers/cli.ts';

const E2E_TIMEOUT_MS = 240_000;
const work = mkdtempSync(join(tmpdir(), 'iacpac-fix-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const BROKEN = `# The database of the shop.
resource "aws_db_instance" "shop" {
  identifier          = "shop"
  engine              = "mysql"
  instance_class      = "db.m5.large"
  allocated_storage   = 20
  username            = "admin"
  password            = "change-me-please"
  skip_final_snapshot = true
  storage_encrypted   = false # turned off on purpose?
}

resource "aws_vpc" "main" {
  cidr_bloc = "10.0.0.0/16"
}
`;

function folder(name: string, text = BROKEN): string {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'main.tf'), text);
  return dir;
}

describe('iacpac fix', { timeout: E2E_TIMEOUT_MS }, () => {
  it('--dry-run: prints each repair and the unified diff, writes nothing, exit 1 (the files still have problems)', async () => {
    const dir = folder('dry-run');
    const run = await iacpac(['fix', dir, '--dry-run'], { env: plainEnv() });
    expect(run.code, run.stderr).toBe(1);
    // Locations refer to the repaired file (the "+++ b/main.tf" side): the companions inserted above move the rename to line 38.
    expect(run.stdout).toContain('fixed main.tf:38:3: rename argument "cidr_bloc" to "cidr_block"');
    expect(run.stdout).toContain('fixed main.tf:10:25: set storage_encrypted = true on aws_db_instance.shop (IACPAC_AWS_RDS_001)');
    expect(run.stdout).toContain('--- a/main.tf\n+++ b/main.tf\n');
    expect(run.stdout).toContain('-  storage_encrypted   = false # turned off on purpose?\n+  storage_encrypted   = true # turned off on purpose?\n');
    expect(run.stdout).toContain('-  cidr_bloc = "10.0.0.0/16"\n+  cidr_block = "10.0.0.0/16"\n');
    expect(run.stdout).toMatch(/before invalid \(1 error\(s\)\), \d+ finding\(s\); after valid, \d+ finding\(s\)/);
    expect(run.stdout).toContain('not written (--dry-run); invalid,');
    expect(readFileSync(join(dir, 'main.tf'), 'utf8')).toBe(BROKEN);
  });

  it('--write: writes the repairs and keeps the rest of the file as it was', async () => {
    const dir = folder('write');
    const run = await iacpac(['fix', dir, '--write'], { env: plainEnv() });
    const text = readFileSync(join(dir, 'main.tf'), 'utf8');
    expect(run.stdout).toContain('wrote 1 file(s); valid,');
    expect(text.startsWith('# The database of the shop.\nresource "aws_db_instance" "shop" {\n  identifier          = "shop"\n')).toBe(true);
    expect(text).toContain('  storage_encrypted   = true # turned off on purpose?\n');
    expect(text).toContain('resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}\n');
    expect(text).toContain('resource "aws_default_security_group" "main" {\n  vpc_id = aws_vpc.main.id\n}');
    // Findings without a safe fix remain (e.g. flow logs), so exit 1; checking again finds the configuration valid.
    expect(run.code).toBe(1);
    const again = await iacpac(['validate', dir], { env: plainEnv() });
    expect(again.code, again.stdout).toBe(0);
  });

  it('without --write and without a terminal: nothing written, and says how to apply', async () => {
    const dir = folder('no-terminal');
    const run = await iacpac(['fix', dir], { env: plainEnv() });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('not written: pass --write to apply (or run it in a terminal to confirm)');
    expect(readFileSync(join(dir, 'main.tf'), 'utf8')).toBe(BROKEN);
  });

  it('--only validate and --policy choose the repairs; exit 0 when nothing selected is left', async () => {
    const dir = folder('only');
    const validateOnly = await iacpac(['fix', dir, '--only', 'validate', '--format', 'json'], { env: plainEnv() });
    const document = JSON.parse(validateOnly.stdout) as { applied: Array<{ kind: string; source: string }>; written: boolean; after: { valid: boolean } };
    expect(document.applied.map((r) => r.kind)).toEqual(['rename-argument']);
    expect(document).toMatchObject({ written: false, after: { valid: true } });

    const policyOnly = await iacpac(['fix', folder('policy'), '--only', 'security', '--policy', 'CKV_AWS_16', '--format', 'json'], { env: plainEnv() });
    const only16 = JSON.parse(policyOnly.stdout) as { applied: Array<{ policy_id?: string }>; after: { valid: boolean } };
    // The configuration is invalid, so no security repair applies until the validator repairs have run.
    expect(only16.applied).toEqual([]);
    const validDir = folder('policy-valid', BROKEN.replace('cidr_bloc ', 'cidr_block'));
    const policyRun = await iacpac(['fix', validDir, '--dry-run', '--policy', 'CKV_AWS_16'], { env: plainEnv() });
    expect(policyRun.stdout.split('\n').filter((l) => l.startsWith('fixed '))).toEqual(['fixed main.tf:10:25: set storage_encrypted = true on aws_db_instance.shop (IACPAC_AWS_RDS_001)']);

    const clean = folder('clean', 'resource "aws_vpc" "main" {\n  cidr_bloc = "10.0.0.0/16"\n}\n');
    const run = await iacpac(['fix', clean, '--write', '--only', 'validate', '--severity', 'critical'], { env: plainEnv() });
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toContain('fixed main.tf:2:3: rename argument "cidr_bloc" to "cidr_block"');
    expect(run.stdout).toContain('wrote 1 file(s); valid, 0 finding(s) left in the files');
  });

  it.each([
    ['--dry-run with --write', ['--dry-run', '--write'], 'iacpac: --dry-run and --write contradict each other; give one'],
    ['an unknown policy', ['--policy', 'CKV_NOPE_1'], 'iacpac: --policy CKV_NOPE_1: no policy of the library matches'],
    ['a bad severity', ['--severity', 'urgent'], 'iacpac: --severity urgent: unknown severity "urgent"'],
  ])('usage error: %s (exit 2, one line)', async (_name, args, message) => {
    const run = await iacpac(['fix', folder('usage'), ...args], { env: plainEnv() });
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(message);
  });

  it('a missing directory is an input error (exit 2)', async () => {
    const run = await iacpac(['fix', join(work, 'nope')], { env: plainEnv() });
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});

const hasScript = spawnSync('script', ['--version']).status === 0;

describe.skipIf(!hasScript)('iacpac fix on a terminal', { timeout: E2E_TIMEOUT_MS }, () => {
  async function onTerminal(dir: string, answer: string): Promise<{ code: number | null; out: string }> {
    const tsx = join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs');
    const args = [process.execPath, '--import', `file://${tsx}`, join(ROOT, 'src', 'cli', 'bin.ts'), 'fix', dir, '--only', 'validate'];
    const quote = (s: string) => `'${s.replace(/'/g, "'\\''")}'`;
    const child = spawn('script', ['-qec', args.map(quote).join(' '), '/dev/null'], { cwd: dir, env: { PATH: process.env.PATH ?? '', HOME: dir, TERM: 'dumb', NO_COLOR: '1' }, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let answered = false;
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      if (!answered && out.includes('[y/N]')) {
        answered = true;
        child.stdin.write(`${answer}\n`);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const timer = setTimeout(() => child.kill('SIGKILL'), 200_000);
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    clearTimeout(timer);
    return { code, out: out.replace(/\r/g, '') };
  }

  it('asks before writing: "y" writes, anything else does not', async () => {
    const yes = folder('terminal-yes', 'resource "aws_vpc" "main" {\n  cidr_bloc = "10.0.0.0/16"\n}\n');
    const accepted = await onTerminal(yes, 'y');
    expect(accepted.out).toContain('Write the repairs to 1 file(s) in');
    expect(accepted.out).toContain('wrote 1 file(s)');
    expect(readFileSync(join(yes, 'main.tf'), 'utf8')).toBe('resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}\n');

    const no = folder('terminal-no', 'resource "aws_vpc" "main" {\n  cidr_bloc = "10.0.0.0/16"\n}\n');
    const declined = await onTerminal(no, 'n');
    expect(declined.out).toContain('not written (declined)');
    expect(declined.code).toBe(1);
    expect(readFileSync(join(no, 'main.tf'), 'utf8')).toBe('resource "aws_vpc" "main" {\n  cidr_bloc = "10.0.0.0/16"\n}\n');
  });
});
