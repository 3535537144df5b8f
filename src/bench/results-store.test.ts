import { appendFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { attemptRecord as record } from '../../test/helpers/attempt-record.ts';
import { ResultsStore, resumeState, sampleKey } from './results-store.ts';

describe('ResultsStore', () => {
  it('drops a partial last line left by a killed run and keeps complete lines', () => {
    const dir = mkdtempSync(join(tmpdir(), 'iacpac-store-'));
    const store = ResultsStore.open(dir);
    store.append(record({ index: 1 }));
    appendFileSync(store.path, '{"model":"m","index":2,"diff'); // killed mid-write
    const reopened = ResultsStore.open(dir);
    expect(reopened.read().map((r) => r.index)).toEqual([1]);
    expect(readFileSync(reopened.path, 'utf8').endsWith('\n')).toBe(true);
    reopened.append(record({ index: 3 }));
    expect(reopened.read().map((r) => r.index)).toEqual([1, 3]);
  });

  it('resume state separates finished samples from unfinished attempts', () => {
    const records = [
      record({ index: 1, attempt: 1, final: false, valid: false }),
      record({ index: 1, attempt: 2, final: true }),
      record({ index: 2, attempt: 1, final: false, valid: false }),
    ];
    const state = resumeState(records);
    expect([...state.finished]).toEqual([sampleKey({ model: 'm', index: 1, sample: 0 })]);
    expect(state.attempts.get(sampleKey({ model: 'm', index: 2, sample: 0 }))?.length).toBe(1);
  });
});
