import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../core/diagnostics.ts';
import type { Expression } from '../../hcl/ast.ts';
import { parseHclFile } from '../../hcl/parse.ts';
import type { EvalContext, ReferenceResolver, ResolvedReference } from './context.ts';
import { evaluate } from './evaluate.ts';
import { formatConsole } from './format-console.ts';
import { T_STRING } from './types.ts';
import { sensitiveJson, unknownJson } from '../../plan/values-json.ts';
import { markSensitive, type TfValue, toJson, unknownOf, UNKNOWN } from './value.ts';

/**
 * Evaluation behaviour a plan needs beyond what `terraform console` can show: unknown values (known
 * after apply), sensitive marks, resource references, bounds on bad input, and diagnostics with ranges.
 */

async function expr(text: string): Promise<Expression> {
  const file = await parseHclFile('main.tf', `x = ${text}\n`);
  expect(file.syntaxErrors).toEqual([]);
  return file.body.attributes[0]!.expr;
}

/** A resolver standing in for the plan: one bucket whose `arn`/`id` are unknown, a counted resource, a sensitive var. */
const resolver: ReferenceResolver = {
  resolve(root, steps, range): ResolvedReference | undefined {
    const name = steps[0]?.kind === 'attr' ? steps[0].name : undefined;
    if (root === 'var') {
      const vars: Record<string, TfValue> = { region: 'us-east-1', password: markSensitive('hunter2'), names: ['a', 'b'], maybe: null };
      if (name !== undefined && name in vars) return { value: vars[name] as TfValue, consumed: 1 };
      return { diagnostic: { severity: 'error', summary: 'Reference to undeclared input variable', detail: `An input variable with the name "${name}" has not been declared.`, range, source: 'reference' } };
    }
    if (root === 'aws_s3_bucket' && name === 'b') return { value: { bucket: 'logs', arn: unknownOf(T_STRING), id: UNKNOWN, tags: { Env: 'prod' } }, consumed: 1 };
    if (root === 'aws_instance' && name === 'web') return { value: [{ id: UNKNOWN, ami: 'ami-1' }, { id: UNKNOWN, ami: 'ami-2' }], consumed: 1 };
    if (root === 'count' && name === 'index') return { value: 1, consumed: 1 };
    if (root === 'each') return { value: { key: 'k', value: { size: 3 } }, consumed: 0 };
    if (root === 'local' && name === 'loop') return { value: evaluateLoop(), consumed: 1 };
    return undefined;
  },
};

let loopExpr: Expression | undefined;
const loopCtx: EvalContext = { resolver, depth: { current: 0 } };
const loopDiagnostics: Diagnostic[] = [];
function evaluateLoop(): TfValue {
  // local.loop = local.loop + 1: a resolver that (wrongly) re-evaluates without a cycle check is stopped by the depth guard.
  const r = evaluate(loopExpr!, loopCtx);
  loopDiagnostics.push(...r.diagnostics);
  return r.value;
}

async function run(text: string, ctx: EvalContext = { resolver }): Promise<{ value: TfValue; diagnostics: Diagnostic[]; shown: string }> {
  const r = evaluate(await expr(text), ctx);
  return { ...r, shown: formatConsole(r.value) };
}

describe('unknown values', () => {
  it.each([
    ['aws_s3_bucket.b.arn', '(known after apply)'],
    ['"${aws_s3_bucket.b.arn}/*"', '(known after apply)'],
    ['aws_s3_bucket.b.bucket', '"logs"'],
    ['aws_instance.web[*].ami', '[\n  "ami-1",\n  "ami-2",\n]'],
    ['aws_instance.web[*].id', '[\n  (known after apply),\n  (known after apply),\n]'],
    ['aws_instance.web[count.index].ami', '"ami-2"'],
    ['length(aws_instance.web[*].id)', '2'],
    ['aws_s3_bucket.b.id == "x"', '(known after apply)'],
    ['aws_s3_bucket.b.id != null ? 1 : 2', '(known after apply)'],
    ['aws_s3_bucket.b.id + 1', '(known after apply)'],
    ['upper(aws_s3_bucket.b.id)', '(known after apply)'],
    ['jsonencode({ a = aws_s3_bucket.b.arn })', '(known after apply)'],
    ['merge({ a = 1 }, { b = aws_s3_bucket.b.id })', '{\n  "a" = 1\n  "b" = (known after apply)\n}'],
    ['[for i in aws_instance.web : i.ami]', '[\n  "ami-1",\n  "ami-2",\n]'],
    ['[for x in aws_s3_bucket.b.id : x]', '(known after apply)'],
    ['{ for k, v in aws_s3_bucket.b.tags : k => v }', '{\n  "Env" = "prod"\n}'],
    ['try(aws_s3_bucket.b.id, "x")', '(known after apply)'],
    ['can(aws_s3_bucket.b.id)', '(known after apply)'],
    ['coalesce(aws_s3_bucket.b.id, "x")', '(known after apply)'],
    // Terraform 1.11 does not short-circuit on unknowns (checked with terraform console -plan).
    ['false && aws_s3_bucket.b.id == "x"', '(known after apply)'],
    ['true || aws_s3_bucket.b.id == "x"', '(known after apply)'],
    ['contains(["a", aws_s3_bucket.b.id], "a")', 'true'],
    ['concat(aws_instance.web[*].id, ["x"])', '[\n  (known after apply),\n  (known after apply),\n  "x",\n]'],
    ['format("%s-%s", "a", aws_s3_bucket.b.id)', '(known after apply)'],
    ['upper(aws_s3_bucket.b.id...)', '(known after apply)'],
    ['{ (aws_s3_bucket.b.id) = 1 }', '(known after apply)'],
    ['aws_s3_bucket.b.id[0]', '(known after apply)'],
    ['each.value.size * 2', '6'],
    ['"${each.key}-${count.index}"', '"k-1"'],
  ])('%s', async (text, want) => {
    const r = await run(text);
    expect(r.diagnostics).toEqual([]);
    expect(r.shown).toBe(want);
  });

  it('gives plan JSON shapes for partly unknown objects', async () => {
    const { value } = await run('{ name = "a", arn = aws_s3_bucket.b.arn, list = [1, aws_s3_bucket.b.id] }');
    expect(toJson(value)).toEqual({ arn: null, list: [1, null], name: 'a' });
    expect(unknownJson(value)).toEqual({ arn: true, list: [false, true] });
  });
});

describe('sensitive values', () => {
  it.each([
    ['var.password', '(sensitive value)'],
    ['"pw=${var.password}"', '(sensitive value)'],
    ['upper(var.password)', '(sensitive value)'],
    ['length(var.password)', '(sensitive value)'],
    ['nonsensitive(var.password)', '"hunter2"'],
    ['issensitive(var.password)', 'true'],
    ['var.password == "x"', '(sensitive value)'],
  ])('%s', async (text, want) => {
    const r = await run(text);
    expect(r.diagnostics).toEqual([]);
    expect(r.shown).toBe(want);
  });

  it('marks only the sensitive attribute in after_sensitive', async () => {
    const { value } = await run('{ user = "admin", password = var.password }');
    expect(sensitiveJson(value)).toEqual({ password: true });
    expect(toJson(value)).toEqual({ password: 'hunter2', user: 'admin' });
  });
});

describe('diagnostics', () => {
  it.each([
    ['var.nope', 'Reference to undeclared input variable', 1, 5],
    ['nosuch.thing', 'Unknown variable', 1, 5],
    ['aws_s3_bucket.b.nope', 'Unsupported attribute', 1, 20],
    ['var.maybe.x', 'Attempt to get attribute from null value', 1, 14],
    ['var.names[5]', 'Invalid index', 1, 14],
    ['upper(1, 2)', 'Too many function arguments', 1, 14],
    ['upper()', 'Not enough function arguments', 1, 11],
    ['nope(1)', 'Call to unknown function', 1, 5],
    ['"a" * 2', 'Invalid operand', 1, 5],
    ['{ for x in ["a", "a"] : x => 1 }', 'Duplicate object key', 1, 29],
    ['true ? 1 : [1]', 'Inconsistent conditional result types', 1, 5],
    ['"x" ? 1 : 2', 'Incorrect condition type', 1, 5],
    ['[for x in 1 : x]', 'Iteration over non-iterable value', 1, 15],
    ['"${[1]}!"', 'Invalid template interpolation value', 1, 8],
    ['cidrsubnet("10.0.0.0/16", 8, 300)', 'Error in function call', 1, 5],
    ['upper(var.names...)', 'Too many function arguments', 1, 11],
    ['upper(var.maybe...)', 'Invalid expanding argument value', 1, 11],
  ])('%s → %s at line %d col %d', async (text, summary, line, column) => {
    const r = await run(text);
    expect(r.value).toBe(UNKNOWN);
    expect(r.diagnostics.map((d) => d.summary)).toEqual([summary]);
    expect(r.diagnostics[0]!.range?.filename).toBe('main.tf');
    expect([r.diagnostics[0]!.range?.start.line, r.diagnostics[0]!.range?.start.column]).toEqual([line, column]);
  });

  it('ignores errors in the branch a known condition does not choose', async () => {
    const r = await run('var.maybe == null ? "none" : var.maybe.x');
    expect(r.diagnostics).toEqual([]);
    expect(r.value).toBe('none');
  });

  it('does not let try() hide references to undeclared variables', async () => {
    const r = await run('try(var.nope, "x")');
    expect(r.diagnostics.map((d) => d.summary)).toEqual(['Reference to undeclared input variable']);
  });

  it('warns and yields unknown for functions it cannot reproduce and for provider functions', async () => {
    for (const text of ['base64gzip("hi")', 'provider::aws::arn_parse("arn:aws:s3:::b")']) {
      const r = await run(text);
      expect(r.shown).toBe('(known after apply)');
      expect(r.diagnostics.map((d) => d.severity)).toEqual(['warning']);
    }
  });
});

describe('bounded evaluation', () => {
  it.each([
    ['range(100000)', 'Error in function call'],
    ['[for a in range(1000) : [for b in range(1000) : [for c in range(1000) : 1]]]', 'Evaluation too complex'],
    ['format("%999999999d", 1)', 'Error in function call'],
    ['indent(1000000, join("\\n", [for i in range(1000) : "x"]))', 'Error in function call'],
    ['setproduct(range(1000), range(1000), range(1000))', 'Error in function call'],
  ])('%s stops with %s', async (text, summary) => {
    // Bounded by steps and sizes, not by time: the limit's own diagnostic proves it fired.
    const r = await run(text);
    expect(r.diagnostics.map((d) => d.summary)).toEqual([summary]);
  });

  it('stops self-referencing evaluation with a depth error instead of a stack overflow', async () => {
    loopExpr = await expr('local.loop + 1');
    const r = evaluate(loopExpr, loopCtx);
    expect(formatConsole(r.value)).toBe('(known after apply)');
    expect(loopDiagnostics.map((d) => d.summary)).toContain('Expression nested too deeply');
    expect(loopCtx.depth?.current).toBe(0);
  });

  it('survives deeply nested input', async () => {
    const text = `${'['.repeat(200)}1${']'.repeat(200)}`;
    const r = await run(text);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});

describe('templates and heredocs', () => {
  it.each([
    ['<<EOT\nhello ${var.region}\nEOT', '<<EOT\nhello us-east-1\n\nEOT'],
    ['<<-EOT\n    a\n      b\n    EOT', '<<EOT\na\n  b\n\nEOT'],
    ['<<EOT\n%{ for n in var.names ~}\n- ${n}\n%{ endfor ~}\nEOT', '<<EOT\n- a\n- b\n\nEOT'],
    ['"%{ if var.region == "us-east-1" }east%{ else }other%{ endif }"', '"east"'],
    ['"${var.names}"', '[\n  "a",\n  "b",\n]'],
  ])('%s', async (text, want) => {
    const file = await parseHclFile('main.tf', `x = ${text}\n`);
    const r = evaluate(file.body.attributes[0]!.expr, { resolver });
    expect(r.diagnostics).toEqual([]);
    expect(formatConsole(r.value)).toBe(want);
  });
});

describe('file functions', () => {
  it('yield unknown with a warning when no configuration directory is known', async () => {
    const r = await run('file("x.txt")');
    expect(r.shown).toBe('(known after apply)');
    expect(r.diagnostics.map((d) => d.summary)).toEqual(['File function not evaluated']);
  });

  it('never follow a symlink out of the configuration', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'iacpac-eval-'));
    writeFileSync(join(dir, 'ok.txt'), 'fine');
    const { symlinkSync } = await import('node:fs');
    symlinkSync('/etc/hostname', join(dir, 'escape.txt'));
    const ctx: EvalContext = { resolver, baseDir: dir, rootDir: dir, cwd: dir };
    expect((await run('file("ok.txt")', ctx)).value).toBe('fine');
    const r = await run('file("escape.txt")', ctx);
    expect(r.diagnostics[0]?.detail).toContain('outside the configuration directory');
  });
});

describe('templatefile without an explicit parser', () => {
  it('uses the shared parser once it is ready (loadConfiguration readies it for configurations that name templates)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'iacpac-tpl-'));
    writeFileSync(join(dir, 't.tpl'), 'hi ${name}');
    const { templateParserReady } = await import('./template-parser.ts');
    await templateParserReady();
    const ctx: EvalContext = { resolver, baseDir: dir, rootDir: dir, cwd: dir };
    const r = await run('templatefile("t.tpl", { name = "x" })', ctx);
    expect(r.diagnostics).toEqual([]);
    expect(r.value).toBe('hi x');
  });
});
