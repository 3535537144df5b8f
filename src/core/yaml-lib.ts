import { createRequire } from 'node:module';

type YamlModule = typeof import('yaml');
let loaded: YamlModule | undefined;

/**
 * The `yaml` package, loaded on first use: loading it costs ~30 ms CPU (a hundred CommonJS files), which a `check`
 * that reads no YAML (the library's METADATA parses are precomputed) does not need to pay. Synchronous, so the parsers
 * that need it stay synchronous.
 */
export function yamlLib(): YamlModule {
  return (loaded ??= createRequire(import.meta.url)('yaml') as YamlModule);
}
