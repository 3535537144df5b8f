/** The same generated module on the embedded engine and on OPA (WebAssembly), compared as values or error classes. */
import { isDeepStrictEqual } from 'node:util';
import { RegoCompileErrors, RegoEngine, RegoError } from '../../../src/rego/index.ts';
import { toJS } from '../../../src/rego/value.ts';
import { OPA_PACKAGE, type AmfOpa, type OpaOutcome } from './amf-opa.ts';

/** The module OPA's validator builds around the rules: v0, future keywords imported. */
export function moduleText(rules: string): string {
  return `package ${OPA_PACKAGE}\n\nimport future.keywords.in\nimport future.keywords.every\nimport future.keywords.if\nimport future.keywords.contains\n\n${rules}\n`;
}

function codesOf(error: unknown): string[] {
  const list = error instanceof RegoCompileErrors ? error.errors : error instanceof RegoError ? [error] : undefined;
  if (!list) throw error;
  return [...new Set(list.map((e) => e.code))].sort();
}

/** The embedded engine's outcome in OPA's terms: every defined rule's JSON value, or the error codes. */
export function evaluateOurs(rules: string, names: readonly string[]): OpaOutcome {
  try {
    const engine = new RegoEngine({ v0Compatible: true, limits: { timeoutMs: 5_000 } });
    engine.addModule('profile_probe.rego', moduleText(rules));
    const values: Record<string, unknown> = {};
    for (const n of names) {
      const v = engine.evalRule(`data.${OPA_PACKAGE}.${n}`);
      if (v !== undefined) values[n] = JSON.parse(JSON.stringify(toJS(v)));
    }
    return { kind: 'values', values };
  } catch (error) {
    const codes = codesOf(error);
    return { kind: 'error', codes, text: error instanceof Error ? error.message : String(error) };
  }
}

export interface Comparison {
  same: boolean;
  ours: OpaOutcome;
  opa: OpaOutcome;
}

/** Identical values, or errors of the same class (the same set of error codes). */
export function sameOutcome(a: OpaOutcome, b: OpaOutcome): boolean {
  return a.kind === 'values' && b.kind === 'values' ? isDeepStrictEqual(a.values, b.values) : a.kind === 'error' && b.kind === 'error' && isDeepStrictEqual(a.codes, b.codes);
}

export function compare(opa: AmfOpa, rules: string, names: readonly string[]): Comparison {
  const theirs = opa.evaluate(rules, names);
  const ours = evaluateOurs(rules, names);
  return { same: sameOutcome(theirs, ours), ours, opa: theirs };
}
