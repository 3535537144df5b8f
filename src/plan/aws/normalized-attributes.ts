import { goJson, normalizeJsonString } from './go-json.ts';

/**
 * Arguments whose planned value the AWS provider normalises (SDK `StateFunc`s): JSON documents
 * re-encoded compactly with sorted keys, and the legacy IAM inline-policy form (Version first).
 * Keyed `<resource type>.<argument>`.
 */
const NORMALIZED: Record<string, 'json' | 'iam-legacy'> = {
  'aws_api_gateway_rest_api.policy': 'json',
  'aws_api_gateway_rest_api_policy.policy': 'json',
  'aws_backup_vault_policy.policy': 'json',
  'aws_cloudwatch_log_resource_policy.policy_document': 'json',
  'aws_ecr_registry_policy.policy': 'json',
  'aws_ecr_repository_policy.policy': 'json',
  'aws_elasticsearch_domain.access_policies': 'json',
  'aws_elasticsearch_domain_policy.access_policies': 'json',
  'aws_glacier_vault.access_policy': 'json',
  'aws_iam_group_policy.policy': 'iam-legacy',
  'aws_iam_policy.policy': 'json',
  'aws_iam_role.assume_role_policy': 'json',
  'aws_iam_role_policy.policy': 'iam-legacy',
  'aws_iam_user_policy.policy': 'iam-legacy',
  'aws_kms_key.policy': 'json',
  'aws_opensearch_domain.access_policies': 'json',
  'aws_opensearch_domain_policy.access_policies': 'json',
  'aws_opensearchserverless_access_policy.policy': 'json',
  'aws_opensearchserverless_security_policy.policy': 'json',
  'aws_s3_bucket.policy': 'json',
  'aws_s3_bucket_policy.policy': 'json',
  'aws_sagemaker_pipeline.pipeline_definition': 'json',
  'aws_sns_topic.policy': 'json',
  'aws_sns_topic_policy.policy': 'json',
  'aws_sqs_queue.policy': 'json',
  'aws_sqs_queue_policy.policy': 'json',
};

/** Arguments the provider stores lower-cased, and IP protocol arguments (names lower-cased, numbers named). */
const CASE_FOLDED: Record<string, 'lower' | 'protocol'> = {
  'aws_db_instance.maintenance_window': 'lower',
  'aws_docdb_cluster.preferred_maintenance_window': 'lower',
  'aws_elasticache_cluster.maintenance_window': 'lower',
  'aws_elasticache_replication_group.maintenance_window': 'lower',
  'aws_neptune_cluster.preferred_maintenance_window': 'lower',
  'aws_rds_cluster.preferred_maintenance_window': 'lower',
  'aws_rds_cluster_instance.preferred_maintenance_window': 'lower',
  'aws_redshift_cluster.preferred_maintenance_window': 'lower',
  'aws_security_group.ingress.*.protocol': 'protocol',
  'aws_security_group.egress.*.protocol': 'protocol',
  'aws_security_group_rule.protocol': 'protocol',
  'aws_default_security_group.ingress.*.protocol': 'protocol',
  'aws_default_security_group.egress.*.protocol': 'protocol',
};

const PROTOCOL_NUMBERS: Record<string, string> = { '1': 'icmp', '6': 'tcp', '17': 'udp', '58': 'icmpv6', all: '-1' };

/** Resource types with a normalised argument (most have none: their strings are planned as written). */
const NORMALIZED_TYPES = new Set([...Object.keys(NORMALIZED), ...Object.keys(CASE_FOLDED)].map((key) => key.slice(0, key.indexOf('.'))));

/** The planned value of a normalised argument (path `attr` or `block.*.attr`), or the text unchanged. */
export function normalizeAttribute(type: string, name: string, text: string): string {
  if (!NORMALIZED_TYPES.has(type)) return text;
  const folded = CASE_FOLDED[`${type}.${name}`];
  if (folded === 'lower') return text.toLowerCase();
  if (folded === 'protocol') return PROTOCOL_NUMBERS[text.toLowerCase()] ?? text.toLowerCase();
  const mode = NORMALIZED[`${type}.${name}`];
  if (!mode) return text;
  if (mode === 'json') return normalizeJsonString(text) ?? text;
  try {
    const parsed = JSON.parse(text) as unknown;
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return normalizeJsonString(text) ?? text;
    const record = parsed as Record<string, unknown>;
    const sorted = JSON.parse(normalizeJsonString(text) ?? text) as Record<string, unknown>;
    const ordered: Record<string, unknown> = {};
    if ('Version' in record) ordered.Version = sorted.Version;
    for (const key of Object.keys(sorted)) if (key !== 'Version') ordered[key] = sorted[key];
    return goJson(ordered);
  } catch {
    return text;
  }
}

export function isNormalizedAttribute(type: string, name: string): boolean {
  return `${type}.${name}` in NORMALIZED || `${type}.${name}` in CASE_FOLDED;
}
