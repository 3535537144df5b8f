// CLI wall times as a user sees them, from the bundle (node bin/iacpac.js): `iacpac check` on one folder (start-up
// included), and a repository scan of every policy fixture folder (427 root modules) in this thread alone (-j 1) and
// with the default worker threads. Prints a Markdown table with the load average, since a shared machine's load
// changes wall times a lot.  npm run bench:cli [-- --runs 5]
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 5;
const bin = join(root, 'bin', 'iacpac.js');

function time(args: string[]): { ms: number; code: number | null; cpuMs: number } {
  const started = performance.now();
  // bash's `times` gives the child's CPU time (user + system) portably enough on Linux and macOS.
  const run = spawnSync('bash', ['-c', `"${process.execPath}" "${bin}" "$@" > /dev/null 2>&1; code=$?; times; exit $code`, 'bench', ...args], { cwd: root, encoding: 'utf8' });
  const ms = performance.now() - started;
  const child = run.stdout.trim().split('\n').at(-1) ?? '';
  const seconds = [...child.matchAll(/(\d+)m([\d.]+)s/g)].reduce((sum, m) => sum + Number(m[1]) * 60 + Number(m[2]), 0);
  return { ms, code: run.status, cpuMs: seconds * 1000 };
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

const cases: Array<[string, string[], number]> = [
  ['check examples/insecure-s3 (one folder, start-up included)', ['check', 'examples/insecure-s3'], runs],
  ['scan policies/aws -j 1 (427 root modules, this thread)', ['scan', 'policies/aws', '-j', '1', '--format', 'json'], 1],
  ['scan policies/aws (default: worker threads)', ['scan', 'policies/aws', '--format', 'json'], 1],
];
process.stdout.write(`cores: ${cpus().length}; load average before: ${loadavg().map((l) => l.toFixed(1)).join(' ')}\n\n`);
process.stdout.write('| command | runs | median wall | median CPU | exit |\n|---|---|---|---|---|\n');
for (const [name, args, n] of cases) {
  const results = Array.from({ length: n }, () => time(args));
  process.stdout.write(`| \`iacpac ${name}\` | ${n} | ${(median(results.map((r) => r.ms)) / 1000).toFixed(2)} s | ${(median(results.map((r) => r.cpuMs)) / 1000).toFixed(2)} s | ${results[0]?.code} |\n`);
}
process.stdout.write(`\nload average after: ${loadavg().map((l) => l.toFixed(1)).join(' ')}\n`);
