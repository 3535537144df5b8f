import type { Resource, TerraformModule } from '../terraform/model.ts';
import { impliedProviderLocalName, normalizeProviderAddress } from './provider-address.ts';

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
 * type's prefix) looked up in `required_providers`, else `hashicorp/<local name>`.
 */
export function resolveResourceProvider(
  resource: Pick<Resource, 'type' | 'providerLocalName'>,
  requiredProviders: Map<string, string>,
): { localName: string; address: string } {
  const localName = resource.providerLocalName || impliedProviderLocalName(resource.type);
  return { localName, address: requiredProviders.get(localName) ?? normalizeProviderAddress(localName) };
}
