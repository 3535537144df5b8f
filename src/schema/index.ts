/**
 * Provider schemas: the bundled ones (hashicorp/aws 5.100.0 + utility providers) and user-supplied
 * `terraform providers schema -json` files.
 *
 *   const schemas = loadSchemas(['./extra-schema.json']);   // or loadBundledSchemas()
 *   const s3 = schemas.resourceSchema('hashicorp/aws', 'aws_s3_bucket', 'managed');
 *   s3?.block.attributes?.bucket;          // { type: 'string', optional: true, computed: true }
 *   s3?.block.block_types?.website;        // { nesting_mode: 'list', max_items: 1, block: {...} }
 *
 * Provider arguments accept `aws`, `hashicorp/aws` or `registry.terraform.io/hashicorp/aws`; use
 * `resolveResourceProvider` to go from a resource in a module to the provider address Terraform would use.
 */
export type * from './provider-schema.ts';
export { ProviderSchemas } from './provider-schemas.ts';
export { loadBundledSchemas, loadSchemas, bundledSchemaEntries, type BundledSchemaEntry } from './bundled.ts';
export {
  normalizeProviderAddress,
  providerDisplayName,
  providerNamespaceType,
  impliedProviderLocalName,
  DEFAULT_REGISTRY,
} from './provider-address.ts';
export { resolveResourceProvider, requiredProvidersOf, BUILTIN_TERRAFORM_PROVIDER } from './resolve-provider.ts';
export { ctyTypeName, isPrimitiveCtyType } from './cty-type.ts';
export { compactProviderSchemas } from './compact.ts';
