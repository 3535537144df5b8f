import type { TfObject, TfValue } from '../../terraform/eval/value.ts';

/** AWS regions and the descriptions the provider's endpoint data gives them. */
const REGIONS: Record<string, string> = {
  'af-south-1': 'Africa (Cape Town)',
  'ap-east-1': 'Asia Pacific (Hong Kong)',
  'ap-northeast-1': 'Asia Pacific (Tokyo)',
  'ap-northeast-2': 'Asia Pacific (Seoul)',
  'ap-northeast-3': 'Asia Pacific (Osaka)',
  'ap-south-1': 'Asia Pacific (Mumbai)',
  'ap-south-2': 'Asia Pacific (Hyderabad)',
  'ap-southeast-1': 'Asia Pacific (Singapore)',
  'ap-southeast-2': 'Asia Pacific (Sydney)',
  'ap-southeast-3': 'Asia Pacific (Jakarta)',
  'ap-southeast-4': 'Asia Pacific (Melbourne)',
  'ca-central-1': 'Canada (Central)',
  'ca-west-1': 'Canada West (Calgary)',
  'eu-central-1': 'Europe (Frankfurt)',
  'eu-central-2': 'Europe (Zurich)',
  'eu-north-1': 'Europe (Stockholm)',
  'eu-south-1': 'Europe (Milan)',
  'eu-south-2': 'Europe (Spain)',
  'eu-west-1': 'Europe (Ireland)',
  'eu-west-2': 'Europe (London)',
  'eu-west-3': 'Europe (Paris)',
  'il-central-1': 'Israel (Tel Aviv)',
  'me-central-1': 'Middle East (UAE)',
  'me-south-1': 'Middle East (Bahrain)',
  'sa-east-1': 'South America (Sao Paulo)',
  'us-east-1': 'US East (N. Virginia)',
  'us-east-2': 'US East (Ohio)',
  'us-west-1': 'US West (N. California)',
  'us-west-2': 'US West (Oregon)',
};

/**
 * `data "aws_region"`: the named region (or the provider's region) with its description and EC2
 * endpoint, read without an API call. Undefined when the region is not known statically.
 */
export function readRegion(config: TfObject, providerRegion: TfValue | undefined): TfObject | undefined {
  const name = typeof config.name === 'string' ? config.name : typeof providerRegion === 'string' ? providerRegion : undefined;
  if (name === undefined || !(name in REGIONS)) return undefined;
  const suffix = name.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
  return { ...config, name, id: name, description: REGIONS[name]!, endpoint: `ec2.${name}.${suffix}` };
}
