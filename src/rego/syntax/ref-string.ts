/** A path as OPA prints refs: identifiers after dots, other keys in brackets (`data.p["a-b_test"].test_x`). */
const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function refString(path: readonly string[]): string {
  let out = path[0] ?? '';
  for (const key of path.slice(1)) out += IDENT.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
  return out;
}
