import { describe, expect, it } from 'vitest';
import { parseHclFile } from '../../hcl/parse.ts';
import { evaluate } from './evaluate.ts';
import { formatConsole } from './format-console.ts';
import { applyTypeConstraint, typeConstraintFromExpr } from './type-constraint.ts';
import { typeExprString } from './types.ts';

async function attr(text: string) {
  const file = await parseHclFile('variables.tf', `x = ${text}\n`);
  return file.body.attributes[0]!.expr;
}

describe('type constraints', () => {
  it.each([
    ['string', 'string'],
    ['any', 'any'],
    ['list(string)', 'list(string)'],
    ['map(list(number))', 'map(list(number))'],
    ['set(any)', 'set(any)'],
    ['tuple([string, number])', 'tuple([string, number])'],
    ['object({ name = string, port = optional(number, 80) })', 'object({name=string, port=number})'],
  ])('%s', async (text, want) => {
    const c = typeConstraintFromExpr(await attr(text));
    expect('type' in c && typeExprString(c.type)).toBe(want);
  });

  it.each([
    ['"string"', 'Invalid quoted type constraints'],
    ['strin', 'Invalid type specification'],
    ['list(string, number)', 'Invalid type specification'],
    ['optional(string)', 'Invalid type specification'],
    ['object({ a = optional(number, "x") })', 'Invalid default value for optional attribute'],
  ])('%s is rejected with %s', async (text, summary) => {
    const c = typeConstraintFromExpr(await attr(text));
    expect('diagnostic' in c && c.diagnostic.summary).toBe(summary);
  });

  // Expected values are what `terraform console` 1.11 prints for `var.v` of `variable "v" { type = T, default = value }`
  // (checked by hand; the console shows the absent optional `tls` as `tobool(null)`: iacpac's nulls carry no type).
  it.each([
    ['list(string)', '[1, true, "x"]', 'tolist([\n  "1",\n  "true",\n  "x",\n])'],
    ['set(string)', '["b", "a", "b"]', 'toset([\n  "a",\n  "b",\n])'],
    ['map(number)', '{ a = "1", b = 2 }', 'tomap({\n  "a" = 1\n  "b" = 2\n})'],
    ['object({ name = string, port = optional(number, 80), tls = optional(bool) })', '{ name = "web" }', '{\n  "name" = "web"\n  "port" = 80\n  "tls" = null\n}'],
    ['list(object({ n = string, tags = optional(map(string), {}) }))', '[{ n = "a" }, { n = "b", tags = { k = "v" } }]', 'tolist([\n  {\n    "n" = "a"\n    "tags" = tomap({})\n  },\n  {\n    "n" = "b"\n    "tags" = tomap({\n      "k" = "v"\n    })\n  },\n])'],
    ['object({ a = string })', '{ a = "x", extra = 1 }', '{\n  "a" = "x"\n}'],
    ['any', '[1, "a"]', '[\n  1,\n  "a",\n]'],
  ])('%s given %s', async (typeText, valueText, want) => {
    const c = typeConstraintFromExpr(await attr(typeText));
    if ('diagnostic' in c) throw new Error(c.diagnostic.detail);
    const r = applyTypeConstraint(evaluate(await attr(valueText)).value, c);
    expect(r.ok && formatConsole(r.value)).toBe(want);
  });

  it.each([
    ['number', '"abc"', 'a number is required'],
    ['object({ a = string })', '{ b = 1 }', 'attribute "a" is required'],
    ['list(number)', '["1", "x"]', 'element 1: a number is required'],
  ])('%s rejects %s', async (typeText, valueText, error) => {
    const c = typeConstraintFromExpr(await attr(typeText));
    if ('diagnostic' in c) throw new Error(c.diagnostic.detail);
    const r = applyTypeConstraint(evaluate(await attr(valueText)).value, c);
    expect(!r.ok && r.error).toBe(error);
  });
});
