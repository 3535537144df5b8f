import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../core/diagnostics.ts';
import type { Expression } from '../../hcl/ast.ts';
import { parseHclFile } from '../../hcl/parse.ts';
import type { EvalContext } from './context.ts';
import { evaluateExpression } from './evaluate.ts';
import { formatConsole } from './format-console.ts';
import { loadTemplateParser } from './template-parser.ts';
import { moduleResolver } from './__fixtures__/module-resolver.ts';

/**
 * Every expression of __fixtures__/expressions.txt, evaluated by iacpac and compared with what
 * `terraform console` 1.11 printed for it (__fixtures__/terraform-console.json, recorded by
 * scripts/record-terraform-console.ts): the rendered value, or the error summary and detail.
 */
const testdata = join(import.meta.dirname, '__fixtures__');
const consoleDir = join(testdata, 'console');
interface Case {
  expr: string;
  output?: string;
  error?: { summary: string; detail: string };
}
const recorded = JSON.parse(readFileSync(join(testdata, 'terraform-console.json'), 'utf8')) as { cases: Case[] };

/**
 * Where a plan differs from the console on purpose: the console computes these at once, a plan knows
 * them only after apply (random or time-dependent), which is what iacpac models.
 */
const PLAN_TIME_UNKNOWN = new Set(['timestamp()', 'plantimestamp()', 'uuid()', 'bcrypt("hello")']);

/** iacpac confines file functions to the configuration directory; Terraform reads any path. */
const CONFINED = new Set(['file("../main.tf")', 'file("/etc/passwd")']);

/**
 * Known differences, each with its reason; the value is still computed without errors:
 * - typed nulls: the console prints `tostring(null)`, iacpac's values carry no type on null;
 * - go-yaml's parse error texts are not reproduced (the call still fails);
 * - numbers: cty computes in 512-bit binary floats (`0.3 - 0.1` prints 156 digits, integers beyond 2^53 stay
 *   exact), iacpac in doubles with exact decimal + - * for short decimals (0.2);
 * - argument ranges in `try` messages: HCL's quoted-literal range excludes the quotes, and the
 *   test parses each expression after a `__value__ = ` prefix.
 */
const KNOWN_DIFFERENCES = new Map<string, 'value' | 'error'>([
  ['regex("(a)?b", "b")', 'value'],
  ['tostring(null)', 'value'],
  ['tonumber(null)', 'value'],
  ['yamldecode("a: [1")', 'error'],
  ['0.3 - 0.1', 'value'],
  ['parseint("9223372036854775807", 10)', 'value'],
  ['abs(-9007199254740993)', 'value'],
  ['try(tonumber("x"), tonumber("y"))', 'error'],
]);

const normalize = (s: string): string => s.replace(/\s+/g, ' ').trim();

let ctx: EvalContext;
let moduleDiagnostics: Diagnostic[];

async function parseExpression(text: string): Promise<Expression> {
  const file = await parseHclFile('<console-input>', `__value__ = ${text}\n`);
  const attr = file.body.attributes[0];
  if (!attr || file.syntaxErrors.length > 0) throw new Error(`cannot parse ${text}: ${JSON.stringify(file.syntaxErrors[0]?.detail)}`);
  return attr.expr;
}

beforeAll(async () => {
  const main = await parseHclFile('main.tf', readFileSync(join(consoleDir, 'main.tf'), 'utf8'));
  const base: EvalContext = { baseDir: consoleDir, rootDir: consoleDir, cwd: consoleDir, parseTemplate: await loadTemplateParser() };
  const { resolver, diagnostics } = moduleResolver(main, base);
  ctx = { ...base, resolver };
  moduleDiagnostics = diagnostics;
});

describe('expressions compared with terraform console', () => {
  it('has a large table', () => {
    expect(recorded.cases.length).toBeGreaterThanOrEqual(300);
  });

  it.each(recorded.cases.map((c) => [c.expr, c] as const))('%s', async (_name, c) => {
    const expr = await parseExpression(c.expr);
    const diagnostics: Diagnostic[] = [];
    const value = evaluateExpression(expr, ctx, diagnostics);
    const errors = diagnostics.filter((d) => d.severity === 'error');
    if (PLAN_TIME_UNKNOWN.has(c.expr)) {
      expect(formatConsole(value)).toBe('(known after apply)');
      return;
    }
    if (CONFINED.has(c.expr)) {
      expect(errors.map((d) => d.summary)).toEqual(['Invalid function argument']);
      expect(errors[0]!.detail).toContain('is outside the configuration directory');
      return;
    }
    const known = KNOWN_DIFFERENCES.get(c.expr);
    if (known === 'value') {
      expect(errors).toEqual([]);
      return;
    }
    if (c.error) {
      expect(errors.map((d) => d.summary)).toEqual([c.error.summary]);
      if (known === 'error') return;
      expect(normalize(errors[0]!.detail)).toBe(normalize(c.error.detail));
    } else {
      expect(errors).toEqual([]);
      expect(formatConsole(value)).toBe(c.output);
    }
    expect(moduleDiagnostics).toEqual([]);
  });
});

const terraform = spawnSync('terraform', ['version'], { encoding: 'utf8' }).status === 0;

describe.skipIf(!terraform)('recorded outputs match the installed terraform', () => {
  it.each(recorded.cases.filter((_, i) => i % 25 === 0).map((c) => [c.expr, c] as const))('%s', (_name, c) => {
    if (PLAN_TIME_UNKNOWN.has(c.expr)) return;
    const r = spawnSync('terraform', ['console', '-no-color'], {
      cwd: consoleDir,
      input: `${c.expr}\n`,
      encoding: 'utf8',
      env: { ...process.env, TF_CLI_CONFIG_FILE: '/dev/null', CHECKPOINT_DISABLE: '1' },
    });
    if (c.output !== undefined) expect(r.stdout.replace(/\n$/, '')).toBe(c.output);
    else expect(normalize(r.stderr)).toContain(normalize(c.error!.detail));
  });
});
