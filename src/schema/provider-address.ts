/**
 * Provider addresses as Terraform writes them: `registry.terraform.io/hashicorp/aws`. Users write the short
 * forms `aws` (a local name with the implied `hashicorp` namespace) and `hashicorp/aws` (a source).
 */
export const DEFAULT_REGISTRY = 'registry.terraform.io';

/** `aws` / `hashicorp/aws` / `registry.terraform.io/hashicorp/aws` -> `registry.terraform.io/hashicorp/aws` (lower case). */
export function normalizeProviderAddress(source: string): string {
  const parts = source.trim().toLowerCase().split('/');
  if (parts.length === 1) return `${DEFAULT_REGISTRY}/hashicorp/${parts[0]}`;
  if (parts.length === 2) return `${DEFAULT_REGISTRY}/${parts[0]}/${parts[1]}`;
  return parts.join('/');
}

/** `registry.terraform.io/hashicorp/aws` -> `hashicorp/aws` (how Terraform names providers in messages). */
export function providerDisplayName(address: string): string {
  const parts = normalizeProviderAddress(address).split('/');
  return parts[0] === DEFAULT_REGISTRY ? parts.slice(1).join('/') : parts.join('/');
}

/** `namespace/type` without the hostname, to match `registry.opentofu.org/hashicorp/aws` to the terraform one. */
export function providerNamespaceType(address: string): string {
  return normalizeProviderAddress(address).split('/').slice(-2).join('/');
}

/** The provider local name a resource type implies: the text before the first underscore (`aws_s3_bucket` -> `aws`). */
export function impliedProviderLocalName(resourceType: string): string {
  const underscore = resourceType.indexOf('_');
  return underscore < 0 ? resourceType : resourceType.slice(0, underscore);
}
