import type { Retriever } from './hybrid-search.ts';
import type { KbKind } from './kb-document.ts';
import { readRegoMetadata } from './sources/policy-library.ts';

export type RetrievalPurpose = 'iac' | 'pac' | 'review';

/** How many documents of each kind each agent receives, and in which form. */
/**
 * Builtins a Terraform-plan policy almost always needs; requirements rarely name them, so the PaC generator gets them
 * by name rather than by a search on the requirements.
 */
export const CORE_POLICY_BUILTINS = ['sprintf', 'count', 'object.get', 'startswith', 'endswith', 'contains', 'regex.match', 'json.unmarshal', 'is_object', 'array.concat'];

const PLAN: Record<RetrievalPurpose, Array<{ kind: KbKind; limit: number; form: 'full' | 'summary' }>> = {
  iac: [
    { kind: 'schema', limit: 8, form: 'full' },
    { kind: 'policy', limit: 5, form: 'summary' },
    { kind: 'doc', limit: 3, form: 'full' },
  ],
  pac: [
    { kind: 'policy', limit: 3, form: 'full' },
    { kind: 'schema', limit: 4, form: 'full' },
    { kind: 'builtin', limit: 0, form: 'full' },
    { kind: 'doc', limit: 3, form: 'full' },
  ],
  review: [
    { kind: 'policy', limit: 5, form: 'summary' },
    { kind: 'doc', limit: 3, form: 'full' },
  ],
};

const HEADINGS: Record<KbKind, string> = {
  schema: 'Provider schema',
  policy: 'Policy library',
  builtin: 'Rego builtins',
  doc: 'User documentation',
};

/**
 * The reference section of an agent's prompt: the best documents for `query`, per kind, within `maxChars`.
 * Also returns the ids used (for the trace and the report).
 */
export async function retrieveReferences(retriever: Retriever, query: string, purpose: RetrievalPurpose, maxChars = 14_000): Promise<{ text: string; ids: string[] }> {
  const parts: string[] = [];
  const ids: string[] = [];
  let used = 0;
  for (const { kind, limit, form } of PLAN[purpose]) {
    const hits =
      kind === 'builtin' && purpose === 'pac'
        ? CORE_POLICY_BUILTINS.flatMap((name) => {
            const document = retriever.get(`builtin:${name}`);
            return document ? [{ document, score: 0 }] : [];
          })
        : await retriever.search(query, { kinds: [kind], limit });
    const entries: string[] = [];
    for (const hit of hits) {
      const text = form === 'summary' ? summarize(hit.document.text, hit.document.title) : hit.document.text;
      if (used + text.length > maxChars) break;
      used += text.length;
      ids.push(hit.document.id);
      entries.push(kind === 'policy' && form === 'full' ? `\`\`\`rego\n${text.trim()}\n\`\`\`` : text.trim());
    }
    if (entries.length) parts.push(`### ${HEADINGS[kind]}\n${entries.join(form === 'summary' ? '\n' : '\n\n')}`);
  }
  return { text: parts.join('\n\n'), ids };
}

function summarize(text: string, title: string): string {
  const meta = readRegoMetadata(text);
  if (!meta) return `- ${title}`;
  const remediation = meta.custom?.remediation;
  return `- ${title}${meta.custom?.severity ? ` [${meta.custom.severity}]` : ''}${remediation ? `: ${remediation}` : ''}`;
}
