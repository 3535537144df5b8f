import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toJS } from '../../../rego/value.ts';
import { globMatch, load } from './load.ts';

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'iacpac-rego-load-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const merged = (docs: unknown[]): unknown => docs.map((d) => toJS(d as never));

describe('rego loader (OPA loader semantics)', () => {
  it('mounts every .json/.yaml/.yml under a directory at its directory path, whatever the file name (B8)', () => {
    const dir = tree({ 'policy.rego': 'package p\n', 'exclusions/services.yaml': 'skip: [a]\n', 'x/y/z.json': '{"k": 1}', '.hidden/h.yml': 'h: true\n' });
    const loaded = load([dir]);
    expect(loaded.modules.map((m) => m.file)).toEqual([join(dir, 'policy.rego')]);
    expect(merged(loaded.data)).toEqual([{ '.hidden': { h: true } }, { exclusions: { skip: ['a'] } }, { x: { y: { k: 1 } } }]);
  });

  it('reads only .rego files with onlyRego (opa check): data files are not parsed', () => {
    const dir = tree({ 'p.rego': 'package p\n', 'fixtures/bad.yaml': 'a: [\n', 'd.json': '{' });
    expect(() => load([dir])).toThrow(/not valid (JSON|YAML)/);
    const loaded = load([dir], { onlyRego: true });
    expect(loaded.modules.map((m) => m.file)).toEqual([join(dir, 'p.rego')]);
    expect(loaded.data).toEqual([]);
  });

  it('follows symbolic links as OPA does (data mounted at the link name); a directory linked into itself is refused', () => {
    const shared = tree({ 'lib.rego': 'package lib\n', 'cfg/settings.json': '{"k": 1}' });
    const dir = tree({ 'p.rego': 'package p\n' });
    symlinkSync(shared, join(dir, 'vendor'));
    const loaded = load([dir]);
    expect(loaded.modules.map((m) => m.file)).toEqual([join(dir, 'p.rego'), join(dir, 'vendor', 'lib.rego')]);
    expect(merged(loaded.data)).toEqual([{ vendor: { cfg: { k: 1 } } }]);
    symlinkSync(dir, join(shared, 'back'));
    expect(() => load([dir])).toThrow(/a symbolic link back to .*\(a loop; --ignore back to skip it\)/);
    expect(load([dir], { ignore: ['back'] }).modules).toHaveLength(2);
    symlinkSync(join(dir, 'missing.rego'), join(dir, 'dangling.rego'));
    expect(() => load([dir], { ignore: ['back'] })).toThrow(/dangling\.rego: a symbolic link to a missing file/);
  });

  it('reads a file given directly with another extension as Rego, JSON or YAML, as OPA tries each; skips it in a directory', () => {
    const dir = tree({ 'policy.txt': '# a policy\npackage p\n', 'data.txt': 'a: 1\n', 'list.txt': '- 1\n', 'sub/x.txt': 'package x\n' });
    const loaded = load([join(dir, 'policy.txt'), join(dir, 'data.txt')]);
    expect(loaded.modules.map((m) => m.file)).toEqual([join(dir, 'policy.txt')]);
    expect(merged(loaded.data)).toEqual([{ a: 1 }]);
    expect(() => load([join(dir, 'list.txt')])).toThrow(/list\.txt: not a Rego module \(no package statement\) nor a JSON or YAML object/);
    expect(load([join(dir, 'sub')]).modules).toEqual([]);
    expect(load([join(dir, 'policy.txt')], { onlyRego: true }).modules).toEqual([]);
  });

  it('mounts a data file given directly at the root', () => {
    const dir = tree({ 'd.json': '{"a": 1}' });
    expect(merged(load([join(dir, 'd.json')]).data)).toEqual([{ a: 1 }]);
  });

  it('skips names matching --ignore below the given paths', () => {
    const dir = tree({ 'p.rego': 'package p\n', 'fixtures/f.yaml': 'a: 1\n', 'd.json': '{}', 'vendor/v.rego': 'package v\n' });
    const loaded = load([dir], { ignore: ['*.yaml', 'vendor'] });
    expect(loaded.modules.map((m) => m.file)).toEqual([join(dir, 'p.rego')]);
    expect(loaded.data).toHaveLength(1);
  });

  it('matches globs as Go filepath.Match does', () => {
    expect(globMatch('*.yaml', 'a.yaml')).toBe(true);
    expect(globMatch('*.yaml', 'a.yml')).toBe(false);
    expect(globMatch('test_?.rego', 'test_1.rego')).toBe(true);
    expect(globMatch('[ab].json', 'b.json')).toBe(true);
    expect(globMatch('[^ab].json', 'b.json')).toBe(false);
  });

  it('reads bundles: only data.json/data.yaml are data, .manifest gives roots and the Rego version', () => {
    const dir = tree({
      '.manifest': '{"roots": ["app"], "rego_version": 0}',
      'app/policy.rego': 'package app\np { true }\n',
      'app/data.json': '{"x": 1}',
      'app/other.json': '{"ignored": true}',
    });
    const loaded = load([dir], { bundle: true });
    expect(loaded.modules).toEqual([{ file: join(dir, 'app', 'policy.rego'), text: 'package app\np { true }\n', v0: true, roots: ['app'] }]);
    expect(merged(loaded.data)).toEqual([{ app: { x: 1 } }]);
  });

  it('refuses bundle data outside the manifest roots', () => {
    const dir = tree({ '.manifest': '{"roots": ["app"]}', 'other/data.json': '{"x": 1}' });
    expect(() => load([dir], { bundle: true })).toThrow(/outside the bundle roots/);
  });
});
