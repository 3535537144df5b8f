import { createRequire } from 'node:module';

type ZodModule = typeof import('zod');
let loaded: ZodModule | undefined;

/**
 * The `zod` package, loaded on first use, for schemas that only a rare input needs (a user policy's METADATA, a broken
 * policy index): loading it costs ~15 ms CPU (ten modules), which a `check` of the precompiled library does not need.
 * Synchronous, so the readers that need it stay synchronous. Its schemas stay inside the module that builds them: this
 * is zod's CommonJS build, another instance than the ES module the generator's schemas use.
 */
export function zodLib(): ZodModule {
  return (loaded ??= createRequire(import.meta.url)('zod') as ZodModule);
}
