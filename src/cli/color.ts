/**
 * Whether to colour what goes to stdout: never with --no-color or NO_COLOR, always with FORCE_COLOR (not 0), else
 * only on a terminal. Files are never coloured (callers pass `false` for them), also under CI=true.
 */
export function stdoutColor(option?: boolean, env: NodeJS.ProcessEnv = process.env, isTTY = process.stdout.isTTY === true): boolean {
  if (option === false || process.argv.includes('--no-color')) return false;
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '') return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return isTTY && env.TERM !== 'dumb';
}
