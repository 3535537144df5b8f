import type { Usage } from './language-model.ts';

/** US dollars per million tokens. */
export interface Price {
  input: number;
  output: number;
}

/**
 * List prices (USD per 1M tokens) of common models, matched by longest model-id prefix so dated snapshots
 * (`gpt-4o-2024-08-06`) find their family. Local providers (ollama) cost nothing. Override or extend with
 * `prices:` in .iacpac.yaml.
 */
export const PRICES: Readonly<Record<string, Price>> = {
  'gpt-4o': { input: 2.5, output: 10 },
  'gpt-4o-mini': { input: 0.15, output: 0.6 },
  'gpt-4.1': { input: 2, output: 8 },
  'gpt-4.1-mini': { input: 0.4, output: 1.6 },
  'gpt-4.1-nano': { input: 0.1, output: 0.4 },
  'gpt-5': { input: 1.25, output: 10 },
  'gpt-5-mini': { input: 0.25, output: 2 },
  'gpt-5-nano': { input: 0.05, output: 0.4 },
  'o3-mini': { input: 1.1, output: 4.4 },
  'o4-mini': { input: 1.1, output: 4.4 },
  'gpt-3.5-turbo': { input: 0.5, output: 1.5 },
  'claude-opus-4': { input: 15, output: 75 },
  'claude-sonnet-4': { input: 3, output: 15 },
  'claude-3-7-sonnet': { input: 3, output: 15 },
  'claude-3-5-sonnet': { input: 3, output: 15 },
  'claude-haiku-4': { input: 1, output: 5 },
  'claude-3-5-haiku': { input: 0.8, output: 4 },
};

const FREE_PROVIDERS = new Set(['ollama']);

/** The price of a model, or undefined when unknown. `extra` (from the config file) wins over the built-in table. */
export function findPrice(provider: string, modelId: string, extra: Readonly<Record<string, Price>> = {}): Price | undefined {
  if (FREE_PROVIDERS.has(provider)) return { input: 0, output: 0 };
  const table = { ...PRICES, ...extra };
  const id = modelId.toLowerCase();
  let best: string | undefined;
  for (const prefix of Object.keys(table)) {
    if (id.startsWith(prefix.toLowerCase()) && (best === undefined || prefix.length > best.length)) best = prefix;
  }
  return best === undefined ? undefined : table[best];
}

/** Cost of one call in US dollars (0 when the price is unknown), rounded to 1e-8. */
export function costOf(usage: Usage, price: Price | undefined): number {
  if (!price) return 0;
  return Math.round(((usage.inputTokens * price.input + usage.outputTokens * price.output) / 1e6) * 1e8) / 1e8;
}
