import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { assetPath } from '../core/package-root.ts';
import { fromJson, Unknown, type TfValue } from '../terraform/eval/value.ts';

/** The table's marker for an unset block the provider plans as unknown (`{"$computed": true}`). */
export const COMPUTED: Unknown = new Unknown();

/**
 * Values a provider plans for arguments the configuration leaves unset (SDK `Default`s and plan-time
 * fills such as aws_security_group's `description = "Managed by Terraform"`). Provider schemas do not
 * carry them, so they are recorded from real `terraform plan` output by scripts/gen-plan-defaults.ts into
 * assets/plan/provider-defaults.json.gz: `{ "<resource type>": { "<path>": value } }` where a path is
 * `attr`, or `block.*.attr` inside nested blocks.
 */
export interface ProviderDefaults {
  /**
   * The planned value of an unset argument or block (`COMPUTED` for unknown), or undefined. Some defaults
   * depend on another top-level argument (`{"$when": "load_balancer_type", "cases": {...}}`): `argument`
   * gives its constant value, `<unset>` or `<other>`.
   */
  lookup(type: string, path: string, argument?: (name: string) => string): TfValue | undefined;
}

export type ProviderDefaultsTable = Record<string, Record<string, unknown>>;

export function providerDefaultsFrom(table: ProviderDefaultsTable): ProviderDefaults {
  return {
    lookup(type, path, argument) {
      const forType = table[type];
      if (!forType || !Object.hasOwn(forType, path)) return undefined;
      let value = forType[path];
      const conditional = value as { $when?: string; cases?: Record<string, unknown> } | null;
      if (conditional && typeof conditional === 'object' && typeof conditional.$when === 'string') {
        const group = argument?.(conditional.$when) ?? '<unset>';
        if (!conditional.cases || !Object.hasOwn(conditional.cases, group)) return undefined;
        value = conditional.cases[group];
      }
      if (value && typeof value === 'object' && (value as Record<string, unknown>).$computed === true) return COMPUTED;
      return fromJson(value);
    },
  };
}

export const NO_DEFAULTS: ProviderDefaults = { lookup: () => undefined };

let bundled: ProviderDefaults | undefined;

/** The bundled table (read once). */
export function bundledProviderDefaults(): ProviderDefaults {
  if (bundled) return bundled;
  const raw = readFileSync(assetPath('plan', 'provider-defaults.json.gz'));
  return (bundled = providerDefaultsFrom(JSON.parse(gunzipSync(raw).toString('utf8')) as ProviderDefaultsTable));
}
