/**
 * Random expressions checked against HashiCorp HCL (hcl2json): same verdict, same document where the
 * renderer can compare (no templates; hcl2json re-renders those), and no unparsed expression in valid input.
 * Remaining mismatches are hcl2json folding constant operators (`!false`). Run:
 *   npx tsx scripts/hcl-random-expressions.ts [count] [seed]
 */
import { parse } from '@cdktf/hcl2json';
import { logger } from '../src/core/logger.ts';
import { toHcl2JsonShape } from '../src/hcl/hcl2json-shape.ts';
import { parseHclFile } from '../src/hcl/parse.ts';
import { isDeepStrictEqual } from 'node:util';
let seed = Number(process.argv[3] ?? 99); const r = (n: number) => { seed = (seed * 48271) % 2147483647; return seed % n; };
const ids = ['a', 'b', 'var', 'local', 'each', 'count', 'x_y', 'aws_s3_bucket', 'k-1'];
function expr(d: number): string {
  const k = d > 3 ? r(6) : r(19);
  switch (k) {
    case 0: return String(r(1000));
    case 1: return ['"s"', '"a b"', '"\\n"', '"$${x}"', '""', '"é"'][r(6)]!;
    case 2: return ['true', 'false', 'null'][r(3)]!;
    case 3: return ids[r(ids.length)]!;
    case 4: return `${ids[r(ids.length)]}.${ids[r(ids.length)]}`;
    case 5: return `${ids[r(ids.length)]}[${expr(d + 1)}]`;
    case 6: return `[${Array.from({ length: r(4) }, () => expr(d + 1)).join(', ')}]`;
    case 7: return `{ ${Array.from({ length: r(3) }, (_, i) => `k${i} = ${expr(d + 1)}`).join(', ')} }`;
    case 8: return `${expr(d + 1)} ${['+', '-', '*', '/', '%', '==', '!=', '<', '>', '<=', '>=', '&&', '||'][r(13)]} ${expr(d + 1)}`;
    case 9: return `${['-', '!'][r(2)]}${expr(d + 1)}`;
    case 10: return `${expr(d + 1)} ? ${expr(d + 1)} : ${expr(d + 1)}`;
    case 11: return `(${expr(d + 1)})`;
    case 12: return `f(${Array.from({ length: r(3) }, () => expr(d + 1)).join(', ')}${r(4) === 0 ? '...' : ''})`;
    case 13: return `[for v in ${expr(d + 1)} : ${expr(d + 1)}${r(2) ? ` if ${expr(d + 1)}` : ''}]`;
    case 14: return `{for k, v in ${expr(d + 1)} : ${expr(d + 1)} => ${expr(d + 1)}${r(3) === 0 ? '...' : ''}}`;
    case 15: return `"p-\${${expr(d + 1)}}-s"`;
    case 16: return `${ids[r(ids.length)]}[*].${ids[r(ids.length)]}`;
    case 17: return `"%{ if ${expr(d + 1)} }y%{ else }n%{ endif }"`;
    default: return `(${expr(d + 1)}).${ids[r(3)]}`;
  }
}
let bad = 0, invalidCount = 0; const n = Number(process.argv[2] ?? 500);
for (let i = 0; i < n; i++) {
  const src = `x = ${expr(0)}\n`;
  let theirs: unknown; try { theirs = await parse('m.tf', src); } catch (e) { theirs = 'ERR'; }
  const f = await parseHclFile('m.tf', src);
  const ours = f.syntaxErrors.length ? "ERR" : toHcl2JsonShape(f);
  if (f.syntaxErrors.some((d) => d.code === "syntax-check-unavailable")) { logger.out(`UNAVAILABLE at ${i}: ${JSON.stringify(src).slice(0, 300)} ${f.syntaxErrors[0]?.detail ?? ''}`); break; }
  const invalid = JSON.stringify(f.body).includes('"kind":"invalid"');
  if (theirs === 'ERR') invalidCount++;
  const templ = src.includes('${') || src.includes('%{'); if ((theirs !== 'ERR' && !templ && !isDeepStrictEqual(ours, theirs)) || (invalid && theirs !== 'ERR')) { bad++; if (bad < 8) logger.out(`${JSON.stringify(src)}\n  ours   ${JSON.stringify(ours).slice(0, 200)}${invalid ? ' INVALID' : ''}\n  theirs ${JSON.stringify(theirs).slice(0, 200)}`); }
}
logger.out(`mismatches ${bad} of ${n} (HCL rejected ${invalidCount}; a mismatch is a different document for a template-free valid input, or an unparsed expression in any valid input)`);
