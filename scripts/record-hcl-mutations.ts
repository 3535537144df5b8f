/**
 * Records `terraform validate -json` on syntactically broken variants of IaC-Eval reference outputs, as
 * mutations.terraform.jsonl ({ index, mutation, source, diagnostics }), so syntax-error agreement with
 * Terraform is tested where Terraform is absent. Run: npx tsx scripts/record-hcl-mutations.ts
 * (needs ../shared and terraform on PATH; deterministic).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const rows = readFileSync(join(ROOT, '..', 'shared', 'data', 'iac-eval', 'iac-eval.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as { index: number; reference_output: string });

/** Each mutation breaks the syntax in one way an LLM might. */
const MUTATIONS: Array<[string, (source: string, pick: number) => string | undefined]> = [
  ['drop a closing brace', (s, p) => removeNth(s, /\n\}\n/g, p, '\n\n')],
  ['drop an opening brace', (s, p) => removeNth(s, / \{\n/g, p, ' \n')],
  ['drop a closing quote', (s, p) => removeNth(s, /"\n/g, p, '\n')],
  ['drop an equals sign', (s, p) => removeNth(s, / = /g, p, ' ')],
  ['drop a closing bracket', (s, p) => removeNth(s, /\]/g, p, '')],
  ['add a stray brace', (s, p) => removeNth(s, /\n\n/g, p, '\n}\n\n')],
  ['unclose an interpolation', (s, p) => removeNth(s, /\}"/g, p, '"')],
  ['drop a comma in a list', (s, p) => removeNth(s, /", "/g, p, '" "')],
  ['break a heredoc marker', (s, p) => removeNth(s, /\n(\s*)(EOF|EOT|POLICY)\n/g, p, '\n$1$2X\n')],
  ['use a colon for an argument', (s, p) => removeNth(s, /(\n\s+[a-z_]+) = /g, p, '$1: ')],
];

function removeNth(source: string, pattern: RegExp, pick: number, replacement: string): string | undefined {
  const matches = [...source.matchAll(pattern)];
  if (matches.length === 0) return undefined;
  const match = matches[pick % matches.length] as RegExpMatchArray;
  const index = match.index ?? 0;
  return source.slice(0, index) + match[0].replace(new RegExp(pattern.source), replacement) + source.slice(index + match[0].length);
}

const out: string[] = [];
let seed = 7;
const next = (): number => (seed = (seed * 48271) % 2147483647);
for (let i = 0; out.length < 60 && i < 400; i++) {
  const row = rows[next() % rows.length] as (typeof rows)[number];
  const [name, mutate] = MUTATIONS[out.length % MUTATIONS.length] as (typeof MUTATIONS)[number];
  const source = mutate(row.reference_output, next());
  if (source === undefined || source === row.reference_output) continue;
  const dir = mkdtempSync(join(tmpdir(), 'iacpac-mutation-'));
  try {
    writeFileSync(join(dir, 'main.tf'), source);
    let json: string;
    try {
      json = execFileSync('terraform', ['validate', '-json'], { cwd: dir, env: { ...process.env, TF_CLI_CONFIG_FILE: '/dev/null' }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    } catch (error) {
      json = (error as { stdout: string }).stdout;
    }
    const diagnostics = (JSON.parse(json) as { diagnostics: unknown[] }).diagnostics;
    out.push(JSON.stringify({ index: row.index, mutation: name, source, diagnostics }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
writeFileSync(join(ROOT, 'src', 'hcl', '__fixtures__', 'mutations.terraform.jsonl'), `${out.join('\n')}\n`);
