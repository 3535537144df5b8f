import type { RoleModel } from '../llm/create-models.ts';
import type { ChatMessage } from '../llm/language-model.ts';
import type { AgentFinding, Target } from './agent-finding.ts';
import { callModel } from './call-model.ts';
import { extractFiles, type ArtifactKind, type GeneratedFile } from './extract-files.ts';
import type { Trace } from './trace.ts';

/** A generator agent: its model, prompts, last reply (for repair turns) and current files. */
export interface Generator {
  kind: ArtifactKind;
  target: Target;
  roleModel: RoleModel;
  systemPrompt: string;
  userPrompt: string;
  lastReply?: string;
  files: GeneratedFile[];
}

export interface GeneratorTurn {
  files: GeneratedFile[];
  notices: string[];
  /** A `format` finding when the reply held no usable file (a model failure). */
  findings: AgentFinding[];
}

const LANGUAGE: Record<ArtifactKind, string> = { terraform: 'hcl', rego: 'rego' };
const EXAMPLE: Record<ArtifactKind, string> = { terraform: 'main.tf', rego: 'policy_name.rego' };

/**
 * Runs one turn: the first request, or a repair request that replays the previous reply followed by the feedback.
 * Only the last exchange is kept, so the context stays bounded however many iterations run. A reply without usable
 * files keeps the previous files and yields a `format` finding for the next turn.
 */
export async function runGeneratorTurn(generator: Generator, feedback: string | undefined, trace: Trace, iteration: number): Promise<GeneratorTurn> {
  const messages: ChatMessage[] = [
    { role: 'system', content: generator.systemPrompt },
    { role: 'user', content: generator.userPrompt },
  ];
  if (feedback !== undefined && generator.lastReply !== undefined) {
    messages.push({ role: 'assistant', content: generator.lastReply }, { role: 'user', content: feedback });
  }
  const result = await callModel(generator.roleModel, messages, trace, iteration);
  generator.lastReply = result.text;
  const extracted = extractFiles(result.text, generator.kind);
  if (extracted.files.length === 0) {
    trace.modelFailure();
    const what = extracted.blockCount === 0 ? 'contained no fenced code block' : `contained ${extracted.blockCount} code block(s) but no ${generator.kind === 'terraform' ? 'Terraform' : 'Rego'} file`;
    const message = `Your reply ${what}${result.finishReason === 'length' ? ' (it was cut off at the output token limit)' : ''}. Reply with every file in a fenced block such as \`\`\`${LANGUAGE[generator.kind]} file=${EXAMPLE[generator.kind]}.`;
    return { files: generator.files, notices: extracted.notices, findings: [{ stage: 'format', target: generator.target, blocking: true, message }] };
  }
  generator.files = extracted.files;
  return { files: extracted.files, notices: extracted.notices, findings: [] };
}
