import { describe, expect, it } from 'vitest';
import { unifiedDiff } from './unified-diff.ts';

describe('unifiedDiff', () => {
  it('is empty for equal texts', () => {
    expect(unifiedDiff('a\n', 'a\n', 'f')).toBe('');
  });

  it('shows a change with context', () => {
    const before = ['1', '2', '3', '4', '5', '6', '7', '8', '9'].join('\n');
    const after = ['1', '2', '3', '4', 'five', '6', '7', '8', '9'].join('\n');
    expect(unifiedDiff(before, after, 'main.tf')).toBe(['--- a/main.tf', '+++ b/main.tf', '@@ -2,7 +2,7 @@', ' 2', ' 3', ' 4', '-5', '+five', ' 6', ' 7', ' 8'].join('\n'));
  });

  it('shows new and deleted files', () => {
    expect(unifiedDiff('', 'a\nb\n', 'new.tf')).toBe(['--- /dev/null', '+++ b/new.tf', '@@ -0,0 +1,2 @@', '+a', '+b'].join('\n'));
    expect(unifiedDiff('a\n', '', 'old.tf')).toBe(['--- a/old.tf', '+++ /dev/null', '@@ -1,1 +0,0 @@', '-a'].join('\n'));
  });

  it('keeps far-apart changes in separate hunks', () => {
    const before = Array.from({ length: 20 }, (_, i) => `l${i}`);
    const after = [...before];
    after[1] = 'x';
    after[18] = 'y';
    const diff = unifiedDiff(before.join('\n'), after.join('\n'), 'f');
    expect(diff.split('\n').filter((l) => l.startsWith('@@'))).toEqual(['@@ -1,5 +1,5 @@', '@@ -16,5 +16,5 @@']);
  });

  it('degrades to a replacement above the size bound', () => {
    expect(unifiedDiff('a\nb', 'c\nd', 'f', 1)).toBe(['--- a/f', '+++ b/f', '@@ -1,2 +1,2 @@', '-a', '-b', '+c', '+d'].join('\n'));
  });
});
