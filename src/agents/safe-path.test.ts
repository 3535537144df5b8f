import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { confinedPath, sanitizeFileName } from './safe-path.ts';

const root = mkdtempSync(join(tmpdir(), 'iacpac-safe-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('sanitizeFileName', () => {
  it.each([
    ['main.tf', 'main.tf'],
    ['../../etc/x', 'x'],
    ['C:\\Windows\\system32\\x.tf', 'x.tf'],
    ['..', undefined],
    ['', undefined],
    ['...tf', 'tf'],
    ['-rf', 'rf'],
    ['REVIEW.md', undefined],
    ['a'.repeat(300), 'a'.repeat(100)],
    ['ünïcode.tf', '_n_code.tf'],
  ])('%j -> %j', (input, output) => {
    expect(sanitizeFileName(input)).toBe(output);
  });
});

describe('confinedPath', () => {
  it('resolves inside the root', () => {
    expect(confinedPath(root, 'policies/a.rego')).toBe(join(root, 'policies', 'a.rego'));
  });
  it.each(['../x', '/etc/passwd', 'a/../../x', '.'])('refuses %j', (path) => {
    expect(() => confinedPath(root, path)).toThrow('refusing to write outside the output directory');
  });
});
