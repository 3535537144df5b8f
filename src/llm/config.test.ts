import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfigFile } from './config.ts';

const dir = mkdtempSync(join(tmpdir(), 'iacpac-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  writeFileSync(join(dir, name), text);
  return name;
}

describe('loadConfigFile', () => {
  it('reads the llm and generate sections and keeps other sections', () => {
    const name = write('ok.yaml', 'llm:\n  provider: openai\n  model: gpt-4o\n  roles:\n    reviewer:\n      model: gpt-4o-mini\ngenerate:\n  maxIterations: 3\nscan:\n  severity: low\n');
    const { config } = loadConfigFile(name, dir);
    expect(config.llm).toEqual({ provider: 'openai', model: 'gpt-4o', roles: { reviewer: { model: 'gpt-4o-mini' } } });
    expect(config.generate).toEqual({ maxIterations: 3 });
  });

  it('is optional when not named explicitly', () => {
    expect(loadConfigFile(undefined, join(dir, 'nowhere'))).toEqual({ config: {} });
  });

  it.each([
    ['bad-provider.yaml', 'llm:\n  provider: gemini\n', "invalid config at 'llm.provider'"],
    ['bad-key.yaml', 'llm:\n  modle: gpt-4o\n', "invalid config at 'llm': Unrecognized key(s) in object: 'modle'"],
    ['bad-yaml.yaml', 'llm: [unclosed\n', 'not valid YAML'],
  ])('rejects %s with one line', (name, text, message) => {
    write(name, text);
    expect(() => loadConfigFile(name, dir)).toThrow(message);
  });

  it('requires an explicitly named file to exist', () => {
    expect(() => loadConfigFile('missing.yaml', dir)).toThrow('config file not found: missing.yaml');
  });
});
