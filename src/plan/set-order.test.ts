import { describe, expect, it } from 'vitest';
import { UNKNOWN } from '../terraform/eval/value.ts';
import { orderSet, setHashText } from './set-order.ts';

describe('cty set order', () => {
  it.each([
    [['b', 'a', 'c', 'a'], ['a', 'b', 'c']],
    [[10, 2, 33], [2, 10, 33]],
    [[true, false], [false, true]],
    // Objects by their hash text: `<"IamInstanceProfile";...>` < `<"MaxSize";...>` < `<"MinSize";...>` (recorded plan row 8).
    [
      [
        { name: 'MaxSize', namespace: 'aws:autoscaling:asg', resource: '', value: '4' },
        { name: 'MinSize', namespace: 'aws:autoscaling:asg', resource: '', value: '2' },
        { name: 'IamInstanceProfile', namespace: 'aws:autoscaling:launchconfiguration', resource: '', value: 'p' },
      ],
      [
        { name: 'IamInstanceProfile', namespace: 'aws:autoscaling:launchconfiguration', resource: '', value: 'p' },
        { name: 'MaxSize', namespace: 'aws:autoscaling:asg', resource: '', value: '4' },
        { name: 'MinSize', namespace: 'aws:autoscaling:asg', resource: '', value: '2' },
      ],
    ],
  ])('orders %j', (items, want) => {
    expect(orderSet(items)).toEqual(want);
  });

  it('puts unknown elements last', () => {
    expect(orderSet([UNKNOWN, 'a'])).toEqual(['a', UNKNOWN]);
  });

  it.each([
    [null, '~'],
    [UNKNOWN, '?'],
    [true, 'T'],
    [1.5, '1.5'],
    ['a"b', '"a\\"b"'],
    [['x', 1], '["x";1;]'],
    [{ b: 1, a: 'x' }, '<"x";1;>'],
  ])('hash text of %j is %s', (value, want) => {
    expect(setHashText(value)).toBe(want);
  });
});
