import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Workspace } from './workspace.ts';

const root = mkdtempSync(join(tmpdir(), 'iacpac-workspace-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('Workspace', () => {
  it('writes files, removes files dropped by a later iteration, and re-reads them', () => {
    const ws = new Workspace(join(root, 'a'));
    ws.prepare();
    ws.writeFiles([{ path: 'main.tf', content: 'a\n' }, { path: 'old.tf', content: 'b\n' }, { path: 'policies/p.rego', content: 'package p\n' }]);
    ws.writeFiles([{ path: 'main.tf', content: 'c\n' }, { path: 'policies/p.rego', content: 'package p\n' }, { path: 'policies/lib/terraform.rego', content: 'package iacpac.lib.terraform\n' }]);
    expect(existsSync(join(root, 'a', 'old.tf'))).toBe(false);
    expect(ws.readFiles()).toEqual([
      { path: 'main.tf', content: 'c\n' },
      { path: 'policies/p.rego', content: 'package p\n' },
      { path: 'policies/lib/terraform.rego', content: 'package iacpac.lib.terraform\n' },
    ]);
  });

  it('never writes through a symlink planted in the output directory', () => {
    const ws = new Workspace(join(root, 'b'));
    ws.prepare();
    writeFileSync(join(root, 'victim.txt'), 'keep\n');
    symlinkSync(join(root, 'victim.txt'), join(root, 'b', 'main.tf'));
    ws.writeFiles([{ path: 'main.tf', content: 'new\n' }]);
    expect(readFileSync(join(root, 'victim.txt'), 'utf8')).toBe('keep\n');
    expect(readFileSync(join(root, 'b', 'main.tf'), 'utf8')).toBe('new\n');
  });

  it('masks the run\'s API keys in every file it writes', () => {
    const ws = new Workspace(join(root, 'k'), ['sk-secret-value-123']);
    ws.prepare();
    ws.writeFiles([{ path: 'main.tf', content: 'x = "sk-secret-value-123"\n' }]);
    ws.writeText('REVIEW.md', 'the key sk-secret-value-123 leaked\n');
    expect(readFileSync(join(root, 'k', 'main.tf'), 'utf8')).toBe('x = "[REDACTED]"\n');
    expect(readFileSync(join(root, 'k', 'REVIEW.md'), 'utf8')).toBe('the key [REDACTED] leaked\n');
  });

  it('refuses paths that leave the directory', () => {
    const ws = new Workspace(join(root, 'c'));
    ws.prepare();
    expect(() => ws.writeText('../escape.tf', 'x')).toThrow('refusing to write outside the output directory: ../escape.tf');
    expect(existsSync(join(root, 'escape.tf'))).toBe(false);
  });

  it('reuses a previous output directory, clearing only what generate wrote', () => {
    const dir = join(root, 'd');
    mkdirSync(join(dir, 'policies'), { recursive: true });
    for (const name of ['report.json', 'main.tf', 'REVIEW.md', 'notes.txt', 'policies/p.rego']) writeFileSync(join(dir, name), 'x');
    new Workspace(dir).prepare();
    expect(['report.json', 'main.tf', 'REVIEW.md', 'notes.txt', 'policies'].map((n) => existsSync(join(dir, n)))).toEqual([false, false, false, true, false]);
  });

  it('refuses a non-empty directory that is not a previous output', () => {
    const dir = join(root, 'e');
    mkdirSync(dir);
    writeFileSync(join(dir, 'main.tf'), 'precious');
    expect(() => new Workspace(dir).prepare()).toThrow('is not empty and not a previous iacpac generate output');
    expect(readFileSync(join(dir, 'main.tf'), 'utf8')).toBe('precious');
  });
});
