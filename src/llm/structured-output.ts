import type { z } from 'zod';
import { InvalidResponseError } from './errors/invalid-response-error.ts';

/**
 * Extracts the JSON object from a model reply (a ```json fence, any fence holding an object, or the outermost
 * `{...}` of the text) and validates it with a zod schema. Throws InvalidResponseError with the first problem, in
 * words that can be sent back to the model.
 */
export function parseJsonReply<S extends z.ZodTypeAny>(text: string, schema: S): z.output<S> {
  const candidates: string[] = [];
  for (const match of text.matchAll(/```[ \t]*([A-Za-z0-9_-]*)[^\n]*\n([\s\S]*?)```/g)) {
    const body = match[2] ?? '';
    if ((match[1] ?? '').toLowerCase() === 'json') candidates.unshift(body);
    else if (body.trim().startsWith('{')) candidates.push(body);
  }
  const first = text.indexOf('{');
  const last = text.lastIndexOf('}');
  if (first !== -1 && last > first) candidates.push(text.slice(first, last + 1));
  if (candidates.length === 0) throw new InvalidResponseError('the reply contains no JSON object', text);
  let problem = 'the reply contains no valid JSON object';
  for (const candidate of candidates) {
    let value: unknown;
    try {
      value = JSON.parse(candidate);
    } catch (error) {
      problem = `the JSON does not parse: ${(error as Error).message}`;
      continue;
    }
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data as z.output<S>;
    const issue = parsed.error.issues[0];
    problem = `the JSON does not match the schema: ${issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'invalid'}`;
  }
  throw new InvalidResponseError(problem, text);
}
