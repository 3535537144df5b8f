// npm run bench:rego-corpora [-- --corpora <dir>] [--suite <name>]... [--json out.json] [--markdown docs/rego-conformance.md] [--failures]
// Runs public Rego policy suites (../shared/data/rego-corpora, see its MANIFEST.md) with their upstream commands on
// the embedded engine and prints passed/failed/errored/skipped per suite, plus the `opa check` result.
//  - opa-library, regula, gatekeeper-library: OPA's builtins only.
//  - trivy-checks: trivy registers six builtins (result.new, isManaged, sh.parse_commands, cidr.is_public,
//    cidr.count_addresses, squealer.scan_string), registered here as test-only stand-ins through the custom builtin
//    API (scripts/rego-corpora-hosts.ts): the first four as MANIFEST.md describes them; shell parsing and secret
//    scanning are not available, so a test that reaches them ends in an error naming it (counted apart as "need host
//    builtins"); every other test must pass.
//  - regal: compiled with Regal's capabilities file (its three builtins declared); tests run with Regal's runner
//    additions: data.internal.capabilities in Regal's shape and its builtins registered through the library API as
//    test-only stand-ins (regal.last implemented; regal.parse_module and regal.is_formatted, which need Regal's Go AST
//    encoder and formatter, fail when called). Tests that need regal.parse_module are counted apart.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { withSection } from './markdown-section.ts';
import { join } from 'node:path';
import { logger } from '../src/core/logger.ts';
import { RegoCompileErrors, RegoError, type Capabilities, type CustomBuiltin, type RegoEngine } from '../src/rego/index.ts';
import { discoverTests, renameDuplicateTests, runTest, testDisplayName, type RegoTestResult } from '../src/rego/tester.ts';
import { fromJS } from '../src/rego/value.ts';
import { load } from '../src/cli/commands/rego/load.ts';
import { createEngine } from '../src/cli/commands/rego/engine.ts';
import { TRIVY_BUILTINS, unavailable } from './rego-corpora-hosts.ts';
import type { RegoType } from '../src/rego/builtins/define-builtin.ts';

const args = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const corpora = opt('--corpora') ?? '../shared/data/rego-corpora';
const only = args.flatMap((a, i) => (args[i - 1] === '--suite' ? [a] : []));
const showFailures = args.includes('--failures');

interface SuiteResult {
  suite: string;
  command: string;
  check: { command: string; errors: number; first?: string };
  tests: number;
  passed: number;
  failed: number;
  errored: number;
  skipped: number;
  /** Tests that end with an error because they call a builtin of the host that is not available here. */
  needsHostBuiltin: number;
  hostBuiltins?: string;
  target: string;
  seconds: number;
  failures: string[];
}

interface RunOptions {
  cwd: string;
  paths: string[];
  v0?: boolean;
  ignore?: string[];
  capabilities?: Capabilities;
  builtins?: CustomBuiltin[];
  data?: unknown[];
  /** Errors naming one of these builtins count as "needs a host builtin". */
  hostBuiltins?: RegExp;
}

function inDir<T>(dir: string, f: () => T): T {
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    return f();
  } finally {
    process.chdir(cwd);
  }
}

/** `check`: as opa check, only the .rego files are read. */
function engineFor(o: RunOptions, strict: boolean, check = false): RegoEngine {
  const loaded = load(o.paths, { ignore: o.ignore ?? [], onlyRego: check });
  const engine = createEngine(loaded, { v0Compatible: o.v0 ?? false, strict, timeoutMs: 5_000, print: () => {} });
  if (o.capabilities) engine.builtins.restrict(o.capabilities);
  for (const b of o.builtins ?? []) engine.registerBuiltin(b);
  for (const d of o.data ?? []) engine.addData(d);
  return engine;
}

function compileErrors(error: unknown): RegoError[] {
  if (error instanceof RegoCompileErrors) return [...error.errors];
  if (error instanceof RegoError) return [error];
  throw error;
}

/** `opa test <paths>`: every test of one run. */
function runSuite(o: RunOptions): { results: RegoTestResult[]; compileError?: string } {
  return inDir(o.cwd, () => {
    let engine: RegoEngine;
    try {
      engine = engineFor(o, false);
      renameDuplicateTests(engine.getModules());
      engine.compile();
    } catch (error) {
      const errors = compileErrors(error);
      return { results: [], compileError: `${errors.length} compile error(s), first: ${errors[0]?.message ?? ''}` };
    }
    return { results: discoverTests(engine).map((t) => runTest(engine, t, { timeoutMs: 5_000 })) };
  });
}

/** `opa check [--strict] <paths>`: the number of errors. */
function runCheck(o: RunOptions, strict: boolean): { errors: number; first?: string } {
  return inDir(o.cwd, () => {
    try {
      engineFor(o, strict, true).compile();
      return { errors: 0 };
    } catch (error) {
      const errors = compileErrors(error);
      return { errors: errors.length, ...(errors[0] ? { first: errors[0].message } : {}) };
    }
  });
}

function summarise(suite: string, command: string, check: SuiteResult['check'], runs: Array<ReturnType<typeof runSuite>>, target: string, t0: number, host?: RegExp, hostNames?: string): SuiteResult {
  const results = runs.flatMap((r) => r.results);
  const needsHost = (r: RegoTestResult): boolean => r.status === 'error' && host !== undefined && host.test(r.error?.message ?? '');
  const failures = [
    ...runs.filter((r) => r.compileError).map((r) => `compile: ${r.compileError}`),
    ...results.filter((r) => (r.status === 'fail' || r.status === 'error') && !needsHost(r)).map((r) => `${testDisplayName(r.test)}: ${r.status.toUpperCase()}${r.error ? ` ${r.error.message.split('\n')[0]}` : ''}`),
  ];
  return {
    suite,
    command,
    check,
    tests: results.length,
    passed: results.filter((r) => r.status === 'pass').length,
    failed: results.filter((r) => r.status === 'fail').length,
    errored: results.filter((r) => r.status === 'error').length,
    skipped: results.filter((r) => r.status === 'skip').length,
    needsHostBuiltin: results.filter(needsHost).length,
    ...(hostNames ? { hostBuiltins: hostNames } : {}),
    target,
    seconds: (performance.now() - t0) / 1000,
    failures,
  };
}

const T = (type: RegoType['type'], extra: Record<string, unknown> = {}): RegoType => ({ type, ...extra }) as RegoType;

/** Regal's data.internal.capabilities: `{builtins: {<name>: {decl: {args: [<type>], result}}}, future_keywords, features}`. */
function regalCapabilitiesData(caps: Capabilities): unknown {
  const builtins: Record<string, unknown> = {};
  for (const b of caps.builtins ?? []) builtins[b.name] = { decl: { args: (b.decl?.args ?? []).map((a) => a.type), result: b.decl?.result?.type ?? 'any' } };
  return { internal: { capabilities: { builtins, future_keywords: ['contains', 'every', 'if', 'in'], features: caps.features ?? [] } } };
}

const suites: Array<{ name: string; run: () => SuiteResult }> = [
  {
    name: 'opa-library',
    run: () => {
      const t0 = performance.now();
      const o: RunOptions = { cwd: join(corpora, 'opa-library'), paths: ['.'], v0: true };
      return summarise('opa-library', 'iacpac rego test --v0-compatible --verbose .', { command: 'iacpac rego check --v0-compatible .', ...runCheck(o, false) }, [runSuite(o)], '64/64 pass', t0);
    },
  },
  {
    name: 'regula',
    run: () => {
      const t0 = performance.now();
      const o: RunOptions = { cwd: join(corpora, 'regula', 'rego'), paths: ['lib', 'examples', 'rules', 'tests'], v0: true };
      return summarise('regula', 'iacpac rego test --v0-compatible lib examples rules tests', { command: 'iacpac rego check --v0-compatible lib examples rules tests', ...runCheck(o, false) }, [runSuite(o)], '285/285 pass', t0);
    },
  },
  {
    name: 'gatekeeper-library',
    run: () => {
      const t0 = performance.now();
      const root = join(corpora, 'gatekeeper-library');
      const folders = readdirSync(join(root, 'src')).sort().flatMap((g) => readdirSync(join(root, 'src', g)).sort().map((p) => join('src', g, p)));
      const runs = folders.map((f) => {
        const files = readdirSync(join(root, f)).filter((n) => n.endsWith('.rego')).sort().map((n) => join(f, n));
        return runSuite({ cwd: root, paths: files, v0: true });
      });
      const check = { command: 'iacpac rego check --strict --v0-compatible src', ...runCheck({ cwd: root, paths: ['src'], v0: true }, true) };
      return summarise('gatekeeper-library', `for f in src/*/*; do iacpac rego test --v0-compatible $f/*.rego; done (${folders.length} runs)`, check, runs, '1003/1003 pass', t0);
    },
  },
  {
    name: 'trivy-checks',
    run: () => {
      const t0 = performance.now();
      // trivy's own builtins as test-only stand-ins (scripts/rego-corpora-hosts.ts): result.new, isManaged and the cidr
      // helpers behave as MANIFEST.md describes; sh.parse_commands and squealer.scan_string are not available
      const host = /(sh\.parse_commands|squealer\.scan_string): not available/;
      const o: RunOptions = { cwd: join(corpora, 'trivy-checks'), paths: ['lib/', 'checks/', 'examples/'], ignore: ['*.yaml'], builtins: TRIVY_BUILTINS, hostBuiltins: host };
      const check = { command: 'iacpac rego check --strict --v0-v1 lib checks (trivy builtins registered)', ...runCheck({ ...o, paths: ['lib', 'checks'] }, true) };
      return summarise(
        'trivy-checks',
        "iacpac rego test --explain=fails lib/ checks/ examples/ --ignore '*.yaml' (trivy builtins registered)",
        check,
        [runSuite(o)],
        'every test that needs no trivy builtin passes',
        t0,
        host,
        'sh.parse_commands, squealer.scan_string (stand-ins that fail; result.new, isManaged, cidr.* implemented as test-only stand-ins)',
      );
    },
  },
  {
    name: 'regal',
    run: () => {
      const t0 = performance.now();
      const root = join(corpora, 'regal');
      const capabilities = JSON.parse(readFileSync(join(root, 'build', 'capabilities.json'), 'utf8')) as Capabilities;
      const decl = (name: string) => capabilities.builtins!.find((b) => b.name === name)!.decl!;
      const builtins: CustomBuiltin[] = [
        { name: 'regal.last', args: decl('regal.last').args ?? [], result: decl('regal.last').result ?? T('any'), impl: ([arr]) => (Array.isArray(arr) && arr.length ? arr[arr.length - 1] : undefined) },
        { name: 'regal.parse_module', args: decl('regal.parse_module').args ?? [], result: decl('regal.parse_module').result ?? T('any'), impl: unavailable('regal.parse_module') },
        { name: 'regal.is_formatted', args: decl('regal.is_formatted').args ?? [], result: decl('regal.is_formatted').result ?? T('any'), impl: unavailable('regal.is_formatted') },
      ];
      const host = /regal\.parse_module: not available/;
      const check = { command: 'iacpac rego check --strict --capabilities build/capabilities.json bundle', ...runCheck({ cwd: root, paths: ['bundle'], capabilities }, true) };
      const o: RunOptions = { cwd: root, paths: ['bundle'], builtins, data: [fromJS(regalCapabilitiesData(capabilities))], hostBuiltins: host };
      const run = runSuite(o);
      return summarise('regal', 'regal test bundle (library API: Regal builtins as test-only stand-ins, data.internal.capabilities)', check, [run], 'bundle compiles; every test that needs no regal.parse_module passes', t0, host, 'regal.parse_module (a stand-in that fails; regal.is_formatted too, reached only after it)');
    },
  },
];

const results: SuiteResult[] = [];
for (const s of suites) {
  if (only.length && !only.includes(s.name)) continue;
  const r = s.run();
  results.push(r);
  const host = r.hostBuiltins ? `, ${r.needsHostBuiltin} need host builtins` : '';
  logger.out(`${r.suite.padEnd(20)} ${String(r.passed).padStart(5)} passed ${String(r.failed).padStart(4)} failed ${String(r.errored).padStart(4)} errored ${String(r.skipped).padStart(3)} skipped of ${r.tests}${host}; check: ${r.check.errors} error(s) (${r.seconds.toFixed(1)} s)`);
  if (showFailures) for (const f of r.failures) logger.out(`  ${f}`);
  if (r.check.first && showFailures) logger.out(`  check: ${r.check.first}`);
}
const json = opt('--json');
if (json) writeFileSync(json, `${JSON.stringify(results, null, 1)}\n`);
const markdown = opt('--markdown');
if (markdown) {
  const old = existsSync(markdown) ? readFileSync(markdown, 'utf8') : '';
  writeFileSync(markdown, withSection(old, 'rego-corpora', renderMarkdown(results)));
}

function renderMarkdown(rs: SuiteResult[]): string {
  const manifest = JSON.parse(readFileSync(join(corpora, 'manifest.json'), 'utf8')) as { corpora: Array<{ name: string; repo: string; commit: string }> };
  const pinned = (name: string): string => {
    const c = manifest.corpora.find((x) => x.name === name);
    const url = c?.repo.split(' ')[0] ?? '';
    return c ? `[${url.replace('https://github.com/', '')}](${url}) @ \`${c.commit.slice(0, 12)}\`` : name;
  };
  return [
    '## Public policy suites',
    '',
    'Generated by `npm run bench:rego-corpora -- --markdown docs/rego-conformance.md` over `../shared/data/rego-corpora`',
    '(pinned copies; commands and custom builtins in its MANIFEST.md). Each suite runs with its upstream `opa test` /',
    '`opa check` command translated to `iacpac rego`; a test counts once however many cases it has. Tests that call a',
    "builtin only the suite's own host provides and that has no stand-in here (trivy's shell parser and secret scanner,",
    '`regal.parse_module`) end with an error naming it and are counted apart; every other test must pass.',
    '',
    '| suite | test command | tests | passed | failed | errored | need host builtins | `check` errors | target |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rs.map((r) => `| ${pinned(r.suite)} | \`${r.command}\` | ${r.tests} | ${r.passed} | ${r.failed} | ${r.errored - r.needsHostBuiltin} | ${r.needsHostBuiltin}${r.hostBuiltins ? ` (${r.hostBuiltins})` : ''} | ${r.check.errors} (\`${r.check.command}\`) | ${r.target} |`),
    '',
    "Host builtins are registered through the custom builtin API as test-only stand-ins (`scripts/rego-corpora-hosts.ts`):",
    "trivy's `result.new`, `isManaged`, `cidr.is_public` and `cidr.count_addresses` as MANIFEST.md describes them,",
    "`sh.parse_commands` and `squealer.scan_string` fail when called (they need mvdan.cc/sh and squealer); Regal's",
    "`regal.last` implemented, `regal.parse_module` and `regal.is_formatted` fail when called (they need Regal's Go AST",
    "encoder and formatter), plus `data.internal.capabilities` in Regal's shape; Regal's `check` uses its capabilities file.",
  ].join('\n');
}
