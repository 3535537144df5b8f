import { editDistance } from '../core/edit-distance.ts';

export { editDistance };

/**
 * Terraform's "Did you mean" choice (`didyoumean.NameSuggestion`): the first candidate, in the order given,
 * less than 3 edits away. Terraform passes sorted candidates in most places and Go map order in others;
 * callers here always pass sorted candidates so the answer is stable.
 */
export function nameSuggestion(given: string, candidates: Iterable<string>): string | undefined {
  for (const candidate of candidates) if (editDistance(given, candidate) < 3) return candidate;
  return undefined;
}

/** ` Did you mean "x"?` or '' (the suffix Terraform appends to a detail). */
export function didYouMean(given: string, candidates: Iterable<string>): string {
  const suggestion = nameSuggestion(given, [...candidates].sort());
  return suggestion === undefined ? '' : ` Did you mean "${suggestion}"?`;
}
