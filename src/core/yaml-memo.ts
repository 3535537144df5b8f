import { createHash } from 'node:crypto';
import { yamlLib } from './yaml-lib.ts';

/**
 * YAML documents parsed recently, by text. A policy's `# METADATA` block is read twice when a policy set loads: by
 * the scanner (policy metadata) and by the Rego parser (annotations); the second read reuses the first parse.
 * Errors are not remembered (the next call parses again and throws the same error).
 */
const parsed = new Map<string, unknown>();
const MAX_ENTRIES = 2048;
const MAX_TEXT_CHARS = 64 * 1024;

/**
 * Documents parsed ahead of time (the bundled policy library's METADATA blocks, `assets/policies/metadata-yaml.json`),
 * by the SHA-256 of their text: looked up before parsing, so loading the library parses no YAML at all. Keyed by
 * content, a stale entry can never give a wrong value, only a miss.
 */
let seeded: ReadonlyMap<string, unknown> = new Map();
let parseCount = 0;

/** How many documents were really parsed (not served from the memo or the seed) in this process. */
export function yamlParseCount(): number {
  return parseCount;
}

/** Every document in the memo (text -> parsed value), for generating a seed. */
export function yamlMemoEntries(): Array<[string, unknown]> {
  return [...parsed].map(([text, value]) => [text, structuredClone(value)]);
}

/** Seeds to read when a document is first looked up (reading one costs more than most processes ever parse). */
const pendingSeeds: Array<() => Record<string, unknown> | undefined> = [];

/** Adds precomputed parses (SHA-256 hex of the text -> the parsed JSON value). */
export function seedYamlMemo(entries: Record<string, unknown>): void {
  seeded = new Map([...seeded, ...Object.entries(entries)]);
}

/** `seedYamlMemo(load())`, once a document is first looked up (never, in a process that parses no YAML). */
export function seedYamlMemoLazily(load: () => Record<string, unknown> | undefined): void {
  pendingSeeds.push(load);
}

/** The key under which `seedYamlMemo` expects the parse of `text`. */
export function yamlSeedKey(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** `yaml.parse(text)`, from the memo when the same text was parsed before; each call returns its own copy. */
export function parseYamlMemo(text: string): unknown {
  if (parsed.has(text)) return structuredClone(parsed.get(text));
  while (pendingSeeds.length > 0) {
    const entries = pendingSeeds.shift()!();
    if (entries) seedYamlMemo(entries);
  }
  if (seeded.size > 0) {
    const known = seeded.get(yamlSeedKey(text));
    if (known !== undefined) {
      remember(text, known);
      return structuredClone(known);
    }
  }
  const value: unknown = yamlLib().parse(text);
  parseCount++;
  remember(text, value);
  return value;
}

function remember(text: string, value: unknown): void {
  if (text.length > MAX_TEXT_CHARS) return;
  if (parsed.size >= MAX_ENTRIES) parsed.delete(parsed.keys().next().value as string);
  parsed.set(text, structuredClone(value));
}
