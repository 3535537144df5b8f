import type { Finding, ScanResult } from '../finding.ts';

/** JUnit XML: a test suite per scanned input, a failing test case per finding (suppressed ones skipped). */
export function renderJunit(results: readonly ScanResult[]): string {
  const suites = results.map((result) => {
    const failures = result.findings.filter((f) => !f.suppressed && f.severity !== 'error').length;
    const errors = result.findings.filter((f) => !f.suppressed && f.severity === 'error').length + result.errors.length;
    const skipped = result.findings.filter((f) => f.suppressed).length + result.notices.length;
    const cases = result.findings.map(testCase);
    for (const error of result.errors) {
      cases.push(`    <testcase name="${xml('parse')}" classname="${xml(result.dir)}">\n      <error message="${xml(error.message)}"/>\n    </testcase>`);
    }
    // What could not be checked: a skipped test case each, so the report never reads as all-green.
    for (const notice of result.notices) {
      cases.push(`    <testcase name="${xml(`not checked: ${notice.code}`)}" classname="${xml(result.dir)}">\n      <skipped message="${xml(notice.message)}"/>\n    </testcase>`);
    }
    if (cases.length === 0) cases.push(`    <testcase name="no findings" classname="${xml(result.dir)}"/>`);
    const tests = Math.max(cases.length, 1);
    return `  <testsuite name="${xml(result.dir)}" tests="${tests}" failures="${failures}" errors="${errors}" skipped="${skipped}">\n${cases.join('\n')}\n  </testsuite>`;
  });
  const sum = (pick: (s: string) => number): number => suites.reduce((n, s) => n + pick(s), 0);
  const attr = (name: string) => (s: string) => Number(new RegExp(`${name}="(\\d+)"`).exec(s)?.[1] ?? 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="iacpac scan" tests="${sum(attr('tests'))}" failures="${sum(attr('failures'))}" errors="${sum(attr('errors'))}" skipped="${sum(attr('skipped'))}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}

function testCase(f: Finding): string {
  const where = f.range ? `${f.range.filename}:${f.range.start.line}` : f.resource;
  const open = `    <testcase name="${xml(`${f.policy_id} ${f.resource}`)}" classname="${xml(f.range?.filename ?? 'plan')}">`;
  if (f.suppressed) return `${open}\n      <skipped message="${xml(f.suppression_reason ?? 'suppressed')}"/>\n    </testcase>`;
  const tag = f.severity === 'error' ? 'error' : 'failure';
  const body = `${f.title}\n${f.message}\n${where}`;
  return `${open}\n      <${tag} message="${xml(f.message)}" type="${xml(f.severity)}">${xml(body)}</${tag}>\n    </testcase>`;
}

function xml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
