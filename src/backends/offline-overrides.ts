import type { TerraformModule } from '../terraform/model.ts';

/** The fake credentials and skip flags that let the aws provider plan offline (see docs/ARCHITECTURE.md). */
export const OFFLINE_AWS_SETTINGS: ReadonlyArray<[string, string]> = [
  ['access_key', '"AKIAMOCKMOCKMOCKMOCK"'],
  ['secret_key', '"mock_secret_key"'],
  ['skip_credentials_validation', 'true'],
  ['skip_requesting_account_id', 'true'],
  ['skip_metadata_api_check', 'true'],
  ['skip_region_validation', 'true'],
  ['max_retries', '1'],
];

/** The aws provider version whose schema iacpac bundles; offline runs pin it. */
export const BUNDLED_AWS_VERSION = '5.100.0';

function block(header: string, lines: Array<[string, string]>): string {
  const width = Math.max(...lines.map(([name]) => name.length));
  return `${header} {\n${lines.map(([name, value]) => `  ${name.padEnd(width)} = ${value}`).join('\n')}\n}\n`;
}

/**
 * Extra files that make a root module run offline with the real CLI, the way the IaC-Eval reference results
 * were produced: `offline_override.tf` adding fake credentials and skip flags to each `provider "aws"` block
 * (keeping its alias), or `offline_provider.tf` declaring one (with a region) when there is none; and
 * `version_override.tf` pinning aws to the bundled version when the module asks for aws `~> 4.x`.
 */
export function offlineOverrideFiles(root: TerraformModule): Record<string, string> {
  const files: Record<string, string> = {};
  const awsBlocks = root.providers.filter((p) => p.name === 'aws');
  if (awsBlocks.length === 0) {
    files['offline_provider.tf'] = block('provider "aws"', [['region', '"us-east-1"'], ...OFFLINE_AWS_SETTINGS]);
  } else {
    files['offline_override.tf'] = awsBlocks
      .map((p) => block('provider "aws"', [...(p.alias !== undefined ? ([['alias', JSON.stringify(p.alias)]] as Array<[string, string]>) : []), ...OFFLINE_AWS_SETTINGS]))
      .join('\n');
  }
  const pinsV4 = root.terraform.some((t) => {
    const version = t.requiredProviders.aws?.version;
    return version !== undefined && /(^|[^\d.])4\./.test(version);
  });
  if (pinsV4) {
    files['version_override.tf'] = `terraform {\n  required_providers {\n    aws = {\n      source  = "hashicorp/aws"\n      version = "${BUNDLED_AWS_VERSION}"\n    }\n  }\n}\n`;
  }
  return files;
}
