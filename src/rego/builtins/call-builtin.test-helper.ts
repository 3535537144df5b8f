/** Test helper: call a registered builtin directly with a fresh context. */
import { BUILTINS } from './index.ts';
import type { BuiltinContext } from './define-builtin.ts';
import type { RegoValue } from '../value.ts';

export function testContext(overrides: Partial<BuiltinContext> = {}): BuiltinContext {
  return { strict: true, nowNs: 1_700_000_000_000_000_000n, cache: new Map(), allowNetwork: false, print: () => {}, ...overrides };
}

export function callBuiltin(name: string, args: RegoValue[], context: BuiltinContext = testContext()): RegoValue | undefined {
  const builtin = BUILTINS.get(name);
  if (!builtin) throw new Error(`no builtin ${name}`);
  return builtin.impl(args, context);
}
