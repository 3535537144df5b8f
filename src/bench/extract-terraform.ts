/**
 * Extracts Terraform code from a model's answer: fenced blocks tagged hcl/terraform/tf (all of them, joined),
 * else any fenced block that looks like HCL, else the raw text when it looks like HCL. Returns undefined when
 * the answer holds no Terraform.
 */
export function extractTerraform(answer: string): string | undefined {
  const fences = [...answer.matchAll(/```[ \t]*([\w+-]*)[^\n]*\n([\s\S]*?)(?:```|$(?![\s\S]))/g)];
  const tagged = fences.filter((m) => /^(hcl|terraform|tf)$/i.test(m[1] ?? '')).map((m) => m[2]!);
  if (tagged.length) return joinBlocks(tagged);
  const hclLike = fences.filter((m) => looksLikeHcl(m[2] ?? '')).map((m) => m[2]!);
  if (hclLike.length) return joinBlocks(hclLike);
  if (fences.length === 0 && looksLikeHcl(answer)) return answer.trim() + '\n';
  return undefined;
}

function joinBlocks(blocks: string[]): string {
  return blocks.map((b) => b.trimEnd()).join('\n\n') + '\n';
}

const TOP_LEVEL = /^\s*(resource|data|provider|terraform|variable|output|locals|module)\b[^\n]*\{/m;

export function looksLikeHcl(text: string): boolean {
  return TOP_LEVEL.test(text);
}
