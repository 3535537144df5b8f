/**
 * Extra files that let the real `terraform plan` run with the AWS provider and no cloud account: fake
 * credentials and the skip flags, merged into each `provider "aws"` block the configuration already has
 * (an `*_override.tf` file, keeping aliases), or a new provider block with a default region when it has
 * none. This is the setup the recorded IaC-Eval reference plans were made with.
 */
export const OFFLINE_PROVIDER_SETTINGS = [
  'access_key = "AKIAMOCKMOCKMOCKMOCK"',
  'secret_key = "mock_secret_key"',
  'skip_credentials_validation = true',
  'skip_requesting_account_id = true',
  'skip_metadata_api_check = true',
  'skip_region_validation = true',
  'max_retries = 1',
];

/** Aliases of the `provider "aws"` blocks in some Terraform source (undefined = the default block). */
export function awsProviderAliases(source: string): Array<string | undefined> {
  const out: Array<string | undefined> = [];
  const header = /(^|\n)\s*provider\s+"aws"\s*\{/g;
  for (let match = header.exec(source); match; match = header.exec(source)) {
    let depth = 1;
    let i = match.index + match[0].length;
    const start = i;
    for (; i < source.length && depth > 0; i++) {
      if (source[i] === '{') depth++;
      else if (source[i] === '}') depth--;
    }
    const body = source.slice(start, i - 1);
    const topLevel = body.replace(/\{[^{}]*\}/g, '');
    const alias = /(^|\n)\s*alias\s*=\s*"([^"]+)"/.exec(topLevel)?.[2];
    out.push(alias);
  }
  return out;
}

/** File name -> content of the override files for a configuration whose `.tf` text is `source`. */
export function offlineOverrideFiles(source: string): Record<string, string> {
  const aliases = awsProviderAliases(source);
  if (aliases.length === 0) {
    return { 'offline_provider.tf': `provider "aws" {\n  region = "us-east-1"\n${OFFLINE_PROVIDER_SETTINGS.map((s) => `  ${s}\n`).join('')}}\n` };
  }
  const blocks = aliases.map(
    (alias) => `provider "aws" {\n${alias ? `  alias = "${alias}"\n` : ''}${OFFLINE_PROVIDER_SETTINGS.map((s) => `  ${s}\n`).join('')}}\n`,
  );
  return { 'offline_override.tf': blocks.join('\n') };
}
