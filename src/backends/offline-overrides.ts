/**
 * Extra files that let the real `terraform plan` run with the AWS provider and no cloud account: fake credentials and
 * the skip flags, merged into each `provider "aws"` block the configuration already has (an `*_override.tf` file,
 * keeping aliases), or a new provider block with a default region when it has none. This is the setup the recorded
 * IaC-Eval reference plans were made with; the plan backend (`terraform-plan.ts`), the plan and Rego benches, the
 * provider-defaults recorder and the plan tests all write these files.
 */
export const OFFLINE_AWS_SETTINGS: readonly string[] = [
  'access_key = "AKIAMOCKMOCKMOCKMOCK"',
  'secret_key = "mock_secret_key"',
  'skip_credentials_validation = true',
  'skip_requesting_account_id = true',
  'skip_metadata_api_check = true',
  'skip_region_validation = true',
  'max_retries = 1',
];

/** The aws provider version whose schema iacpac bundles; offline runs of references that pin aws `~> 4.x` use it. */
export const BUNDLED_AWS_VERSION = '5.100.0';

/** `version_override.tf`: aws pinned to the bundled version, as the recorded runs added it when a reference pinned aws `~> 4.x`. */
export const AWS_VERSION_OVERRIDE = `terraform {\n  required_providers {\n    aws = {\n      source  = "hashicorp/aws"\n      version = "${BUNDLED_AWS_VERSION}"\n    }\n  }\n}\n`;

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
  const settings = OFFLINE_AWS_SETTINGS.map((s) => `  ${s}\n`).join('');
  const aliases = awsProviderAliases(source);
  if (aliases.length === 0) return { 'offline_provider.tf': `provider "aws" {\n  region = "us-east-1"\n${settings}}\n` };
  const blocks = aliases.map((alias) => `provider "aws" {\n${alias ? `  alias = "${alias}"\n` : ''}${settings}}\n`);
  return { 'offline_override.tf': blocks.join('\n') };
}
