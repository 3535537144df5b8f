import type { Resource, TerraformModule } from '../terraform/model.ts';
import { impliedProviderLocalName, normalizeProviderAddress } from './provider-address.ts';

/** Terraform's built-in provider (`terraform_data`, `terraform_remote_state`): local name `terraform`. */
export const BUILTIN_TERRAFORM_PROVIDER = 'terraform.io/builtin/terraform';

/** `required_providers` of a module merged over its `terraform` blocks: local name -> full provider address. */
export function requiredProvidersOf(module: TerraformModule): Map<string, string> {
  const out = new Map<string, string>();
  for (const settings of module.terraform) {
    for (const [localName, requirement] of Object.entries(settings.requiredProviders)) {
      out.set(localName, normalizeProviderAddress(requirement.source ?? localName));
    }
  }
  return out;
}

/**
 * The provider address Terraform uses for a resource: its `provider` meta-argument's local name (or the
 * type's prefix) looked up in `required_providers`, else `hashicorp/<local name>` (`terraform` is built in).
 */
export function resolveResourceProvider(
  resource: Pick<Resource, 'type' | 'providerLocalName'>,
  requiredProviders: Map<string, string>,
): { localName: string; address: string; declared: boolean } {
  const localName = resource.providerLocalName || impliedProviderLocalName(resource.type);
  const declared = requiredProviders.get(localName);
  if (declared) return { localName, address: declared, declared: true };
  if (localName === 'terraform') return { localName, address: BUILTIN_TERRAFORM_PROVIDER, declared: false };
  return { localName, address: normalizeProviderAddress(localName), declared: false };
}
