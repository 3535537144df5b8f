/**
 * Terraform's "Did you mean ...?" helper (didyoumean.NameSuggestion): the first candidate whose
 * Levenshtein distance to the given name is below 3, or undefined.
 */
export function suggestName(given: string, candidates: Iterable<string>): string | undefined {
  for (const candidate of candidates) if (levenshtein(given, candidate) < 3) return candidate;
  return undefined;
}

function levenshtein(a: string, b: string): number {
  if (Math.abs(a.length - b.length) >= 3) return 3;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}
