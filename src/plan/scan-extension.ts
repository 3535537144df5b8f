import type { Configuration, TerraformModule } from '../terraform/model.ts';
import { marshalBody } from './expression-json.ts';
import type { ExpressionsJson } from './plan-json.ts';

/**
 * What the scanner adds beside the standard plan JSON, under the top-level key `iacpac`, for configuration that
 * `terraform show -json` leaves out. The standard keys are not touched, so policies written for plain plans keep
 * working, and a plan JSON file from Terraform simply has no `iacpac` key.
 *
 * - `lifecycle`: each resource's `lifecycle` block, keyed by its configuration address with the module path and
 *   without instance keys (`aws_acm_certificate.cert`, `module.api.aws_api_gateway_rest_api.this`,
 *   `data.aws_x.y`), in the shape of the plan's configuration expressions
 *   (`{"create_before_destroy": {"constant_value": true}}`). Resources without a lifecycle block are absent.
 */
export interface ScanExtension {
  format_version: '1.0';
  lifecycle: Record<string, ExpressionsJson>;
}

export const SCAN_EXTENSION_KEY = 'iacpac';

/** The `iacpac` extension of the scan input for a loaded configuration. */
export function scanExtension(config: Configuration): ScanExtension {
  const lifecycle: Record<string, ExpressionsJson> = {};
  const visit = (module: TerraformModule, prefix: string, depth: number): void => {
    for (const resource of module.resources) {
      if (resource.lifecycle) lifecycle[prefix + resource.address] = marshalBody(resource.lifecycle.body, undefined);
    }
    if (depth >= 32) return;
    for (const call of module.moduleCalls) if (call.module) visit(call.module, `${prefix}module.${call.name}.`, depth + 1);
  };
  visit(config.root, '', 0);
  return { format_version: '1.0', lifecycle };
}
