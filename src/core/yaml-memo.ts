import { parse } from 'yaml';

/**
 * YAML documents parsed recently, by text. A policy's `# METADATA` block is read twice when a policy set loads: by
 * the scanner (policy metadata) and by the Rego parser (annotations); the second read reuses the first parse.
 * Errors are not remembered (the next call parses again and throws the same error).
 */
const parsed = new Map<string, unknown>();
const MAX_ENTRIES = 2048;
const MAX_TEXT_CHARS = 64 * 1024;

/** `yaml.parse(text)`, from the memo when the same text was parsed before; each call returns its own copy. */
export function parseYamlMemo(text: string): unknown {
  if (parsed.has(text)) return structuredClone(parsed.get(text));
  const value: unknown = parse(text);
  if (text.length <= MAX_TEXT_CHARS) {
    if (parsed.size >= MAX_ENTRIES) parsed.delete(parsed.keys().next().value as string);
    parsed.set(text, structuredClone(value));
  }
  return value;
}
