// .iacpac.yaml: one file for every command, checked with zod (src/cli/config-schema.ts) and documented by the JSON
// Schema generated from it (docs/iacpac.schema.json), which must be current and agree with zod.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parse as parseYaml } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { iacpacConfigSchema } from '../../src/cli/config-schema.ts';
import { renderConfigSchema } from '../../scripts/gen-config-schema.ts';
import { iacpac } from '../helpers/cli.ts';

const root = join(import.meta.dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'iacpac-config-schema-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const validateJson = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(join(root, 'docs', 'iacpac.schema.json'), 'utf8')) as object);

const documents: Array<[string, string, boolean]> = [
  ['scan settings', 'severity: HIGH\nskip_policies: [CKV_AWS_18]\npolicy_dirs: policies\nformat: [text, sarif]\noutput_dir: reports\nsoft_fail: false\nbaseline: .iacpac.baseline.json\n', true],
  ['generator settings', 'llm:\n  provider: ollama\n  model: llama3\n  roles:\n    reviewer:\n      temperature: 0\ngenerate:\n  maxIterations: 3\n', true],
  ['a misspelt key', 'severty: high\n', false],
  ['a misspelt generator key', 'llm:\n  modle: x\n', false],
  ['a wrong type', 'soft_fail: "yes"\n', false],
];

describe('.iacpac.yaml schema', () => {
  it('docs/iacpac.schema.json is generated from the zod schema and current', () => {
    expect(readFileSync(join(root, 'docs', 'iacpac.schema.json'), 'utf8')).toBe(renderConfigSchema());
  });

  it.each(documents)('zod and the JSON Schema agree on %s', (_name, text, valid) => {
    const value = parseYaml(text) as unknown;
    expect(iacpacConfigSchema.safeParse(value).success).toBe(valid);
    expect(validateJson(value)).toBe(valid);
  });

  it.each([['scan'], ['validate'], ['plan'], ['kb', 'search']])('every command refuses a broken config file with one line and exit 2 (%s)', async (...command) => {
    writeFileSync(join(work, '.iacpac.yml'), 'severty: high\n');
    const args = command[0] === 'kb' ? ['kb', 'search', 'bucket'] : command[0] === 'scan' || command[0] === 'validate' ? [command[0], join(root, 'examples', 'web-server')] : ['plan', join(root, 'examples', 'web-server')];
    const run = await iacpac(args, { cwd: work });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`iacpac: ${join(work, '.iacpac.yml')}: (top level): Unrecognized key(s) in object: 'severty' (see docs/iacpac.schema.json)\n`);
  }, 120_000);
});
