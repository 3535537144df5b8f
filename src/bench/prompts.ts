import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { assetPath } from '../core/package-root.ts';
import { InputError } from '../core/errors.ts';
import type { ChatMessage } from '../llm/language-model.ts';

export type { ChatMessage };

const PromptTemplates = z.object({
  system: z.string().min(1),
  examples: z.array(z.object({ prompt: z.string(), output: z.string() })),
  task: z.string().includes('{{prompt}}'),
  repair: z.string().includes('{{diagnostics}}'),
  judge_system: z.string().min(1),
  judge: z.string().includes('{{output}}'),
});
export type PromptTemplates = z.infer<typeof PromptTemplates>;

/** Loads the few-shot/repair/judge templates (bundled default, or a user's YAML file with the same keys). */
export function loadPromptTemplates(path = assetPath('bench', 'prompts', 'few-shot.yaml')): PromptTemplates {
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new InputError(`cannot read prompt templates ${path}: ${(error as Error).message}`);
  }
  const parsed = PromptTemplates.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InputError(`${path}: invalid prompt templates at "${issue.path.join('.')}": ${issue.message}`);
  }
  return parsed.data;
}

export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (m, key: string) => values[key] ?? m);
}

/** First attempt: system prompt + three example prompt/answer pairs + the task. */
export function firstAttemptMessages(templates: PromptTemplates, prompt: string): ChatMessage[] {
  return [
    { role: 'system', content: templates.system.trim() },
    ...templates.examples.flatMap((e): ChatMessage[] => [
      { role: 'user', content: fill(templates.task, { prompt: e.prompt }).trim() },
      { role: 'assistant', content: e.output.trim() },
    ]),
    { role: 'user', content: fill(templates.task, { prompt }).trim() },
  ];
}

/** Next attempt: the conversation so far + the model's answer + the validator's messages. */
export function repairMessages(templates: PromptTemplates, history: ChatMessage[], answer: string, diagnostics: string): ChatMessage[] {
  return [...history, { role: 'assistant', content: answer }, { role: 'user', content: fill(templates.repair, { diagnostics }).trim() }];
}
