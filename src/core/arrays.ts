/**
 * Appends every item of `items` to `target` and returns `target`. Unlike `target.push(...items)`, which passes each
 * item as a call argument, it works for arrays of any length (spreading ~120,000 items overflows the stack).
 */
export function appendAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}
