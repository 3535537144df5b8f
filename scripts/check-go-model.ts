// Compares the AST decoded from HashiCorp's parse (src/hcl/go-model.ts) with tree-sitter's for every native-syntax
// source given (files, or folders searched for *.tf / *.tfvars), plus the committed corpora of
// test/helpers/hcl-corpora.ts with --corpora. Prints the count of each outcome and every difference.
// --random N adds N random expressions (seeded by --seed) built from every construct of the model.
// usage: tsx scripts/check-go-model.ts [--corpora] [--random N [--seed S]] [--show N] PATH...
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { corpusSources } from '../test/helpers/hcl-corpora.ts';
import { goModelEquivalence } from '../test/helpers/go-model-equivalence.ts';
import { stopHclWorker } from '../src/hcl/hcl-syntax-worker.ts';

function* walk(path: string): Generator<string> {
  if (statSync(path).isFile()) {
    yield path;
    return;
  }
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = join(path, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (/\.(tf|tfvars)$/.test(entry.name)) yield full;
  }
}

const args = process.argv.slice(2);
const show = Number(args[args.indexOf('--show') + 1] || 20);
const sources: Array<{ name: string; source: string }> = [];
if (args.includes('--corpora')) for (const s of corpusSources()) sources.push({ name: `${s.corpus}: ${s.name}`, source: s.source });
for (let i = 0; i < args.length; i++) {
  const arg = args[i] ?? '';
  if (arg === '--show' || arg === '--random' || arg === '--seed') i++;
  else if (!arg.startsWith('--')) for (const file of walk(arg)) sources.push({ name: file, source: readFileSync(file, 'utf8') });
}
let seed = Number(args[args.indexOf('--seed') + 1] || 7);
const r = (n: number): number => {
  seed = (seed * 48271) % 2147483647;
  return seed % n;
};
const ids = ['a', 'b', 'var', 'local', 'each', 'count', 'x_y', 'k-1', 'é'];
const id = (): string => ids[r(ids.length)] ?? 'a';
const ops = ['+', '-', '*', '/', '%', '==', '!=', '<', '>', '<=', '>=', '&&', '||'];
const space = (): string => [' ', '', '\n  ', ' # c\n  ', ' /* c */ '][r(5)] ?? ' ';
function expr(d: number): string {
  const e = (): string => expr(d + 1);
  if (d > 6) return id();
  switch (d > 3 ? r(6) : r(26)) {
    case 0: return [String(r(1000)), '1.5', '1e3', '0.25'][r(4)] ?? '1';
    case 1: return ['"s"', '"a b"', '"\\n"', '"$${x}"', '""', '"é 👍🏽"', '"%%{y}"'][r(7)] ?? '""';
    case 2: return ['true', 'false', 'null'][r(3)] ?? 'null';
    case 3: return id();
    case 4: return `${id()}.${id()}`;
    case 5: return `${id()}[${e()}]`;
    case 6: return `[${Array.from({ length: r(4) }, e).join(`,${space()}`)}]`;
    case 7: return `{${space()}${Array.from({ length: r(3) }, (_, i) => `k${i} = ${e()}`).join(',\n')}${space()}}`;
    case 8: return `${e()} ${ops[r(ops.length)]}${space()}${e()}`;
    case 9: return `${['-', '!'][r(2)]}${e()}`;
    case 10: return `${e()} ? ${e()} : ${e()}`;
    case 11: return `(${e()})`;
    case 12: return `f(${Array.from({ length: r(3) }, e).join(', ')}${r(4) === 0 ? '...' : ''})`;
    case 13: return `[for v in ${e()} : ${e()}${r(2) ? ` if ${e()}` : ''}]`;
    case 14: return `{for k, v in ${e()} : ${e()} => ${e()}${r(3) === 0 ? '...' : ''}}`;
    case 15: return `"p-\${${['', '~', ' '][r(3)]}${e()}${['', '~', ' '][r(3)]}}-s"`;
    case 16: return `${id()}[*].${id()}${['', '[0]', '.b', `[${e()}]`][r(4)]}`;
    case 17: return `${id()}.*.${id()}${['', '[0]', '.0', '.b[1].c'][r(4)]}`;
    case 18: return `<<${['', '-'][r(2)]}EOT\n${['  ', '', '\t'][r(3)]}x \${${e()}}\n  y $\${z}\n${['', '  '][r(2)]}EOT\n`;
    case 19: return `${id()}.0.${id()}`;
    case 20: return `(${e()})[${e()}]`;
    case 21: return `f(${e()}).${id()}[${e()}]`;
    case 22: return `{ (${e()}) = ${e()}, "q" = ${e()} }`;
    case 23: return `"\${${e()}}"`;
    case 24: return `provider::aws::f(${e()})`;
    default: return `(${e()}).${id()}`;
  }
}
const randomCount = args.includes('--random') ? Number(args[args.indexOf('--random') + 1]) : 0;
for (let i = 0; i < randomCount; i++) {
  const crlf = r(5) === 0;
  const source = `x = ${expr(0)}\n# end\n`;
  sources.push({ name: `random ${i}`, source: crlf ? source.replace(/\n/g, '\r\n') : source });
}
const counts = new Map<string, number>();
let shown = 0;
for (const { name, source } of sources) {
  const result = await goModelEquivalence(name, source);
  const key = result.kind === 'fallback' ? `fallback (${result.reason})` : result.kind;
  counts.set(key, (counts.get(key) ?? 0) + 1);
  if (result.kind === 'different' && shown++ < show) console.log(`DIFFERENT ${name}: ${JSON.stringify(source)}\n${result.detail}\n`);
}
stopHclWorker();
console.log(`${sources.length} sources: ${[...counts].map(([k, n]) => `${k} ${n}`).join(', ')}`);
