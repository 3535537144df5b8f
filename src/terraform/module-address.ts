/** A module's address from its call path: `['a', 'b']` -> `module.a.module.b` (the root module: ''). */
export function moduleAddress(path: readonly string[]): string {
  return path.map((name) => `module.${name}`).join('.');
}

/** The prefix of the addresses inside a module: `['a', 'b']` -> `module.a.module.b.` (the root module: ''). */
export function modulePrefix(path: readonly string[]): string {
  return path.map((name) => `module.${name}.`).join('');
}
