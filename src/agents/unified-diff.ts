/**
 * A unified diff of two texts (LCS over lines, 3 lines of context), for the per-iteration diffs in REVIEW.md.
 * Bounded: above `maxCells` line pairs the diff degrades to "replaced" (whole old text removed, new text added).
 */
export function unifiedDiff(oldText: string, newText: string, name: string, maxCells = 4_000_000): string {
  if (oldText === newText) return '';
  const a = oldText === '' ? [] : oldText.replace(/\n$/, '').split('\n');
  const b = newText === '' ? [] : newText.replace(/\n$/, '').split('\n');
  const ops = a.length * b.length > maxCells ? [...a.map((l) => ['-', l] as const), ...b.map((l) => ['+', l] as const)] : lcsOps(a, b);
  const header = [`--- ${oldText === '' ? '/dev/null' : `a/${name}`}`, `+++ ${newText === '' ? '/dev/null' : `b/${name}`}`];
  const hunks: string[] = [];
  const context = 3;
  let i = 0;
  while (i < ops.length) {
    if (ops[i]![0] === ' ') {
      i++;
      continue;
    }
    let start = Math.max(0, i - context);
    let end = i;
    while (end < ops.length) {
      if (ops[end]![0] !== ' ') {
        end++;
        continue;
      }
      let run = 0;
      while (end + run < ops.length && ops[end + run]![0] === ' ') run++;
      if (end + run >= ops.length || run > context * 2) {
        end = Math.min(ops.length, end + context);
        break;
      }
      end += run;
    }
    const slice = ops.slice(start, end);
    const oldStart = ops.slice(0, start).filter((o) => o[0] !== '+').length + 1;
    const newStart = ops.slice(0, start).filter((o) => o[0] !== '-').length + 1;
    const oldCount = slice.filter((o) => o[0] !== '+').length;
    const newCount = slice.filter((o) => o[0] !== '-').length;
    hunks.push(`@@ -${oldCount ? oldStart : oldStart - 1},${oldCount} +${newCount ? newStart : newStart - 1},${newCount} @@`, ...slice.map(([op, line]) => `${op}${line}`));
    i = end;
    start = end;
  }
  return [...header, ...hunks].join('\n');
}

function lcsOps(a: string[], b: string[]): Array<readonly [' ' | '-' | '+', string]> {
  const n = a.length;
  const m = b.length;
  const table: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i]![j] = a[i] === b[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
    }
  }
  const ops: Array<readonly [' ' | '-' | '+', string]> = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      ops.push([' ', a[i]!]);
      i++;
      j++;
    } else if (table[i + 1]![j]! >= table[i]![j + 1]!) {
      ops.push(['-', a[i++]!]);
    } else {
      ops.push(['+', b[j++]!]);
    }
  }
  while (i < n) ops.push(['-', a[i++]!]);
  while (j < m) ops.push(['+', b[j++]!]);
  return ops;
}
