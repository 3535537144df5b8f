import { parseModule } from '../rego/index.ts';
import type { Module, Rule, Term } from '../rego/syntax/ast.ts';
import type { GeneratedFile } from './extract-files.ts';

/** Rules whose results are violations or warnings: they belong in a policy file, never in a `*_test.rego` file. */
export const POLICY_RULES = ['deny', 'violation', 'warn'];

export interface SplitResult {
  files: GeneratedFile[];
  /** One line per file changed, for the trace, the report and the next feedback. */
  notices: string[];
}

/**
 * `opa test` conventions put tests in `*_test.rego` and policies elsewhere; tools that show or publish "the policies"
 * (the reviewer, `conftest`) skip test files. When a generated test file also defines deny/violation/warn rules, its
 * rules other than `test_*` (the policy rules and their helpers, with the comments directly above them) move to the
 * package's policy file: appended to an existing non-test file of the same package, or a new `<name>.rego` with the
 * package line and the test file's imports. The source text of each moved rule is kept as written. A test file that
 * does not parse is left alone (rego check reports it).
 */
export function splitPolicyRulesFromTests(files: readonly GeneratedFile[]): SplitResult {
  const out = files.map((f) => ({ ...f }));
  const notices: string[] = [];
  for (const test of out.filter((f) => f.path.endsWith('_test.rego'))) {
    let module: Module;
    try {
      module = parseModule(test.path, test.content);
    } catch {
      continue;
    }
    const policyRules = module.rules.filter((r) => POLICY_RULES.includes(ruleName(r)));
    if (policyRules.length === 0) continue;
    const allSpans = ruleSpans(test.content, module.rules);
    if (!allSpans) continue;
    const names = module.rules.map(ruleName);
    const moving = new Set(names.filter((n) => POLICY_RULES.includes(n)));
    // The policy rules and the rules they use (helpers), found by name in their text; tests and test fixtures stay.
    for (let grew = true; grew; ) {
      grew = false;
      const text = allSpans.filter((_, i) => moving.has(names[i]!)).map(([a, b]) => test.content.slice(a, b).replace(/#[^\n]*/g, '')).join('\n');
      for (const name of names) {
        if (moving.has(name) || name.startsWith('test_') || name === '') continue;
        if (new RegExp(`(^|[^\\w.])${name}\\b`).test(text)) {
          moving.add(name);
          grew = true;
        }
      }
    }
    const spans = allSpans.filter((_, i) => moving.has(names[i]!));
    const packageName = module.package.path.join('.');
    const movedText = spans.map(([start, end]) => test.content.slice(start, end).replace(/\s+$/, '')).join('\n\n');
    let remaining = test.content;
    for (const [start, end] of [...spans].sort((a, b) => b[0] - a[0])) remaining = remaining.slice(0, start) + remaining.slice(end);
    test.content = `${remaining.replace(/\n{3,}/g, '\n\n').replace(/\s+$/, '')}\n`;

    const imports = module.imports.map((i) => lineAt(test.content, i.loc.offset)).filter((l): l is string => l !== undefined);
    const target = out.find((f) => f !== test && !f.path.endsWith('_test.rego') && packageOf(f.content) === packageName);
    const moved = [...new Set(policyRules.map(ruleName))].join(', ');
    if (target) {
      const missing = imports.filter((line) => !target.content.split('\n').some((l) => l.trim() === line.trim()));
      target.content = `${addImports(target.content, missing).replace(/\s+$/, '')}\n\n${movedText}\n`;
      notices.push(`moved ${moved} (and the rules it uses) from ${test.path} to ${target.path}: deny/warn rules belong in the policy file, not in a *_test.rego file`);
    } else {
      const path = `${test.path.slice(0, -'_test.rego'.length)}.rego`;
      const header = [`package ${packageName}`, '', ...imports].join('\n').replace(/\s+$/, '');
      const created = { path: uniquePath(out, path), content: `${header}\n\n${movedText}\n` };
      out.splice(out.indexOf(test), 0, created);
      notices.push(`moved ${moved} (and the rules it uses) from ${test.path} to a new ${created.path}: deny/warn rules belong in the policy file, not in a *_test.rego file`);
    }
  }
  return { files: out, notices };
}

/** The files to show as "the policies" (the reviewer's view): every generated Rego file except tests and library helpers. */
export function policyFilesForReview(files: readonly GeneratedFile[]): GeneratedFile[] {
  return files.filter((f) => !f.path.endsWith('_test.rego') && !f.path.startsWith('policies/lib/'));
}

function ruleName(rule: Rule): string {
  const head: Term | undefined = rule.head.ref[0];
  if (!head) return '';
  if (head.type === 'var') return head.name;
  if (head.type === 'scalar' && typeof head.value === 'string') return head.value;
  return '';
}

/**
 * The source span of each top-level rule: from the first of the comment lines directly above it (its METADATA,
 * explanations) to where the next rule's span starts (or the end of the file). Rules are in source order.
 */
function ruleSpans(source: string, rules: readonly Rule[]): Array<[number, number]> | undefined {
  const starts: number[] = [];
  for (const rule of rules) {
    const offset = rule.loc.offset;
    if (offset === undefined) return undefined;
    let lineStart = source.lastIndexOf('\n', offset - 1) + 1;
    while (lineStart > 0) {
      const previousStart = source.lastIndexOf('\n', lineStart - 2) + 1;
      if (!/^\s*#/.test(source.slice(previousStart, lineStart - 1))) break;
      lineStart = previousStart;
    }
    starts.push(lineStart);
  }
  if (starts.some((s, i) => i > 0 && s < starts[i - 1]!)) return undefined;
  return starts.map((start, i) => [start, starts[i + 1] ?? source.length]);
}

function lineAt(source: string, offset: number | undefined): string | undefined {
  if (offset === undefined) return undefined;
  const start = source.lastIndexOf('\n', offset - 1) + 1;
  const end = source.indexOf('\n', offset);
  return source.slice(start, end === -1 ? source.length : end);
}

function packageOf(source: string): string | undefined {
  return /^\s*package\s+([A-Za-z_][\w.]*)/m.exec(source)?.[1];
}

function addImports(source: string, imports: string[]): string {
  if (imports.length === 0) return source;
  const lines = source.split('\n');
  const lastImport = lines.reduce((at, line, i) => (/^\s*import\s/.test(line) ? i : at), -1);
  const packageLine = lines.findIndex((line) => /^\s*package\s/.test(line));
  const at = lastImport >= 0 ? lastImport + 1 : packageLine + 1;
  lines.splice(at, 0, ...(lastImport >= 0 ? imports : ['', ...imports]));
  return lines.join('\n');
}

function uniquePath(files: readonly GeneratedFile[], path: string): string {
  if (!files.some((f) => f.path === path)) return path;
  for (let i = 2; ; i++) {
    const candidate = path.replace(/\.rego$/, `_${i}.rego`);
    if (!files.some((f) => f.path === candidate)) return candidate;
  }
}
