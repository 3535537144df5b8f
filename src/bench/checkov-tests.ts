// Scoring against Checkov's own unit-test expectations (../shared/data/checkov-tests): which folders of a fixture
// are scanned, how a finding's address is matched to an expected resource, and the agreement figures. The same
// rules as the data set's compare.py, so `npm run bench:checkov-tests` and compare.py give the same numbers.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, normalize, relative } from 'node:path';

/** One expected verdict: Checkov's unit tests say `check_id` PASSes or FAILs on `resource` of `fixture`. */
export interface ExpectedRow {
  check_id: string;
  expected: 'PASS' | 'FAIL' | 'SKIP';
  fixture: string;
  resource: string;
  source: string;
  style: string;
  root?: string;
  note?: string;
}

/** One Checkov check of the catalogue (checks.jsonl). */
export interface CheckEntry {
  id: string;
  name: string;
  kind: string;
  block: string;
  resource_types: string[];
  rows: number;
}

export interface Counts {
  TP: number;
  FP: number;
  FN: number;
  TN: number;
}

export interface Metrics extends Counts {
  n: number;
  agreement: number | null;
  precision: number | null;
  recall: number | null;
}

export function zeroCounts(): Counts {
  return { TP: 0, FP: 0, FN: 0, TN: 0 };
}

export function metrics(c: Counts): Metrics {
  const n = c.TP + c.FP + c.FN + c.TN;
  return {
    n,
    ...c,
    agreement: n ? (c.TP + c.TN) / n : null,
    precision: c.TP + c.FP ? c.TP / (c.TP + c.FP) : null,
    recall: c.TP + c.FN ? c.TP / (c.TP + c.FN) : null,
  };
}

/**
 * The folders of a fixture to scan: every folder holding .tf files that is not a local module called (by a
 * `source = "./..."` or `"../..."`) from another folder of the fixture; a plan file is scanned as it is.
 */
export function scanRoots(fixturePath: string): string[] {
  if (existsSync(fixturePath) && statSync(fixturePath).isFile()) return [fixturePath];
  const dirs: string[] = [];
  const moduleDirs = new Set<string>();
  const walk = (dir: string): void => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const tfs = entries.filter((e) => e.isFile() && (e.name.endsWith('.tf') || e.name.endsWith('.tf.json')));
    if (tfs.length > 0) {
      dirs.push(dir);
      for (const file of tfs) {
        const text = readFileSync(join(dir, file.name), 'utf8');
        for (const m of text.matchAll(/\bsource\s*=\s*"(\.{1,2}\/[^"]*)"/g)) moduleDirs.add(normalize(join(dir, m[1] as string)));
      }
    }
    for (const e of entries) if (e.isDirectory()) walk(join(dir, e.name));
  };
  walk(fixturePath);
  const roots = dirs.sort().filter((d) => !moduleDirs.has(normalize(d)) || normalize(d) === normalize(fixturePath));
  return roots.length > 0 ? roots : [fixturePath];
}

/** The roots a row is scored on: all roots of its fixture, or the one named by `root`. */
export function rowRoots(row: ExpectedRow, fixturePath: string, roots: string[]): string[] {
  if (!row.root) return roots;
  return roots.filter((r) => normalize(relative(fixturePath, r) || '.') === normalize(row.root as string));
}

const stripData = (address: string): string => address.replace(/(^|\.)data\./g, '$1');
const stripIndex = (address: string): string => address.replace(/\[[^\]]*\]/g, '');
const normalizeQuotes = (address: string): string => address.replaceAll("'", '"').replaceAll(' ', '');

/**
 * How a finding's address matches an expected resource: `exact`; `instance` (the expected address has no
 * instance key and the finding is one instance of it); `loose` (the expected address is an instance and the
 * finding is the un-expanded resource); or undefined.
 */
export function matchAddress(expected: string, found: string): 'exact' | 'instance' | 'loose' | undefined {
  const e = normalizeQuotes(stripData(expected));
  const f = normalizeQuotes(stripData(found));
  if (e === f) return 'exact';
  if (!e.includes('[') && stripIndex(f) === e) return 'instance';
  if (e.includes('[') && !f.includes('[') && stripIndex(e) === f) return 'loose';
  return undefined;
}
