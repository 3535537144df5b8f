import type { RoleModel } from '../llm/create-models.ts';
import type { ChatMessage } from '../llm/language-model.ts';
import { containsSecret, maskSecrets, REDACTED } from '../llm/redact.ts';
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
  /** API keys in use: masked wherever a reply repeats them (files, the replayed reply). */
  secrets: readonly string[];
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
  generator.lastReply = maskSecrets(result.text, generator.secrets);
  const extracted = extractFiles(result.text, generator.kind);
  const leaked = extracted.files.filter((f) => containsSecret(f.content, generator.secrets)).map((f) => f.path);
  const secretFindings: AgentFinding[] = [];
  if (leaked.length > 0) {
    // Never write a key to disk: mask it, say so (trace, report, REVIEW.md) and have the generator remove it.
    for (const file of extracted.files) file.content = maskSecrets(file.content, generator.secrets);
    const names = leaked.map((p) => `"${p}"`).join(', ');
    extracted.notices.push(`masked the API key in ${names} as ${REDACTED}: the reply contained it`);
    secretFindings.push({
      stage: 'secret',
      target: generator.target,
      blocking: true,
      message: `Your reply wrote the API key of the model provider into ${names}; iacpac replaced it with ${REDACTED}. Never put credentials into generated files: remove the value (use a variable or the provider's own environment).`,
    });
  }
  if (extracted.files.length === 0) {
    trace.modelFailure();
    const what = extracted.blockCount === 0 ? 'contained no fenced code block' : `contained ${extracted.blockCount} code block(s) but no ${generator.kind === 'terraform' ? 'Terraform' : 'Rego'} file`;
    const message = `Your reply ${what}${result.finishReason === 'length' ? ' (it was cut off at the output token limit)' : ''}. Reply with every file in a fenced block such as \`\`\`${LANGUAGE[generator.kind]} file=${EXAMPLE[generator.kind]}.`;
    return { files: generator.files, notices: extracted.notices, findings: [{ stage: 'format', target: generator.target, blocking: true, message }] };
  }
  generator.files = extracted.files;
  return { files: extracted.files, notices: extracted.notices, findings: secretFindings };
}
