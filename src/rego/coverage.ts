/**
 * Test coverage in the shape of OPA's `opa test --coverage` report: a line is covered when an expression on it was
 * evaluated or a rule whose head is on it succeeded; rule heads and expressions (but `some` declarations) on lines never
 * reached are not covered. Lines are grouped into ranges per file.
 */
import type { Body, Module, Rule } from './syntax/ast.ts';
import { walkBody } from './syntax/visit.ts';
import type { TraceEvent, Tracer } from './eval/types.ts';

export interface CoverageRange {
  start: { row: number };
  end: { row: number };
}

export interface FileCoverage {
  covered?: CoverageRange[];
  not_covered?: CoverageRange[];
  covered_lines?: number;
  not_covered_lines?: number;
  coverage?: number;
}

export interface CoverageReport {
  files: Record<string, FileCoverage>;
  covered_lines: number;
  not_covered_lines: number;
  coverage: number;
}

/** A tracer that records covered lines; `report(modules)` computes OPA's report. */
export class CoverageTracer implements Tracer {
  private readonly hits = new Map<string, Set<number>>();

  event(e: TraceEvent): void {
    if (e.op === 'eval' && e.expr) this.hit(e.expr.loc.file, e.expr.loc.row);
    else if (e.op === 'exit' && e.rule) this.hit(e.rule.source.head.loc.file, e.rule.source.head.loc.row);
  }

  private hit(file: string, row: number): void {
    if (!file) return;
    let rows = this.hits.get(file);
    if (!rows) this.hits.set(file, (rows = new Set()));
    rows.add(row);
  }

  report(modules: readonly Module[]): CoverageReport {
    const files: Record<string, FileCoverage> = {};
    const coveredRanges = new Map<string, CoverageRange[]>();
    for (const [file, rows] of this.hits) coveredRanges.set(file, toRanges([...rows]));
    const isCovered = (file: string, row: number): boolean => (coveredRanges.get(file) ?? []).some((r) => row >= r.start.row && row <= r.end.row);
    for (const [file, ranges] of coveredRanges) (files[file] ??= {}).covered = ranges;
    for (const m of modules) {
      const notCovered: number[] = [];
      const rules: Rule[] = [];
      for (const r of m.rules) for (let x: Rule | undefined = r; x; x = x.elseRule) rules.push(x);
      for (const r of rules) if (!isCovered(r.loc.file, r.loc.row)) notCovered.push(r.head.loc.row);
      const bodies: Body[] = rules.map((r) => r.body);
      for (const body of bodies)
        walkBody(body, {
          expr: (e) => {
            if (e.kind !== 'some' && e.loc.file && !isCovered(e.loc.file, e.loc.row)) notCovered.push(e.loc.row);
          },
        });
      const ranges = toRanges(notCovered);
      if (ranges.length) (files[m.file] ??= {}).not_covered = ranges;
      else files[m.file] ??= {};
    }
    let covered = 0;
    let notCovered = 0;
    for (const fr of Object.values(files)) {
      const c = lines(fr.covered);
      const n = lines(fr.not_covered);
      if (c) fr.covered_lines = c;
      if (n) fr.not_covered_lines = n;
      if (c + n) fr.coverage = (100 * c) / (c + n);
      covered += c;
      notCovered += n;
    }
    return { files, covered_lines: covered, not_covered_lines: notCovered, coverage: covered + notCovered ? (100 * covered) / (covered + notCovered) : 0 };
  }
}

function lines(ranges: CoverageRange[] | undefined): number {
  return (ranges ?? []).reduce((n, r) => n + r.end.row - r.start.row + 1, 0);
}

function toRanges(rows: number[]): CoverageRange[] {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const out: CoverageRange[] = [];
  for (const row of sorted) {
    const last = out[out.length - 1];
    if (last && row === last.end.row + 1) last.end = { row };
    else out.push({ start: { row }, end: { row } });
  }
  return out;
}
