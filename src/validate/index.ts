/**
 * The embedded validator: `terraform validate` without providers or network.
 *
 *   const result = await validateDirectory('./infra');            // ValidateResult (Terraform's -json shape)
 *   const diagnostics = validateConfiguration(config, loadBundledSchemas());
 */
export { validateConfiguration, type ValidateOptions } from './validate-configuration.ts';
export { validateDirectory, type ValidateDirectoryOptions } from './validate-directory.ts';
export { nameSuggestion, editDistance } from './did-you-mean.ts';
