/** Matches policy ids against user patterns: exact ids (case-insensitive) or globs with `*` and `?`. */
export function matchesAny(id: string, patterns: readonly string[]): boolean {
  return patterns.some((pattern) => globToRegExp(pattern).test(id));
}

function globToRegExp(pattern: string): RegExp {
  const source = pattern
    .trim()
    .split('')
    .map((ch) => (ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`, 'i');
}

/** Splits repeated/comma-separated CLI values: ['a,b', 'c'] -> ['a', 'b', 'c']. */
export function splitList(values: readonly string[] | undefined): string[] {
  return (values ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
}
