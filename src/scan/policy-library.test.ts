import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../core/errors.ts';
import { indexEntries, readLibraryIndex } from './policy-library.ts';

const work = mkdtempSync(join(tmpdir(), 'iacpac-index-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('policies/index.json', () => {
  it('lists id and file of each policy (other keys are ignored)', () => {
    expect(indexEntries({ version: 1, policies: [{ id: 'A_1', file: 'a/one.rego', note: 'x' }], extra: true })).toEqual([{ id: 'A_1', file: 'a/one.rego' }]);
    expect(indexEntries({ version: 1, policies: [] })).toEqual([]);
  });

  it.each([
    [[], 'expected an object {"version": 1, "policies": [...]}, found []'],
    [{ policies: [] }, '"version" must be 1, found nothing'],
    [{ version: '1', policies: [] }, '"version" must be 1, found "1"'],
    [{ version: 1, policies: {} }, '"policies" must be an array, found {}'],
    [{ version: 1, policies: [{ id: 'A', file: 'a.rego' }, 'b.rego'] }, 'policies[1] must be an object {"id": ..., "file": ...}, found "b.rego"'],
    [{ version: 1, policies: [{ id: 7, file: 'a.rego' }] }, 'policies[0].id must be a string, found 7'],
    [{ version: 1, policies: [{ id: 'A' }] }, 'policies[0].file must be a string, found nothing'],
  ])('says what is wrong with %j, and where', (raw, problem) => {
    expect(indexEntries(raw)).toEqual({ problem });
  });

  it('is a one-line input error naming the file', () => {
    const file = join(work, 'index.json');
    writeFileSync(file, JSON.stringify({ version: 1, policies: [{ id: 'A', file: 3 }] }));
    expect(() => readLibraryIndex(work)).toThrow(InputError);
    expect(() => readLibraryIndex(work)).toThrow(`${file}: invalid policy index: policies[0].file must be a string, found 3`);
  });
});
