import { describe, expect, it } from 'vitest';
import { fromJS, RegoSet } from '../../rego/value.ts';
import { intentSatisfied } from './intent-verdict.ts';

describe('IaC-Eval intent verdict', () => {
  it.each([
    ['all true', { terraform: { validation: { is_valid: true, a: true } } }, true],
    ['a false rule', { terraform: { validation: { is_valid: false, a: true } } }, false],
    ['a zero leaf counts as false (Python 0 == False)', { p: { count: 0 } }, false],
    ['non-boolean leaves are fine', { p: { name: 'x', n: 3, l: ['a'] } }, true],
    ['false inside an array of scalars is a leaf', { p: { l: [true, false] } }, false],
    ['false nested in an object inside an array', { p: { l: [{ ok: false }] } }, false],
    ['empty data', {}, true],
  ])('%s', (_name, data, want) => {
    expect(intentSatisfied(fromJS(data))).toBe(want);
  });

  it('an undefined result (evaluation failed) is not satisfied; sets are walked like arrays', () => {
    expect(intentSatisfied(undefined)).toBe(false);
    expect(intentSatisfied(fromJS({ p: new RegoSet([false]) }))).toBe(false);
  });
});
