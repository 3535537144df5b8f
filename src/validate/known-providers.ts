/**
 * Providers published in the registry under the `hashicorp` namespace. A resource type whose implied
 * provider (`hashicorp/<prefix>`, no `required_providers` entry) is not one of these cannot be installed, so
 * Terraform stops with "Missing required provider"; for a real provider iacpac has no schema for, resources
 * are only "not checked".
 */
export const HASHICORP_PROVIDERS: ReadonlySet<string> = new Set([
  'ad', 'archive', 'aws', 'awscc', 'azuread', 'azurerm', 'azurestack', 'boundary', 'cloudinit', 'consul', 'dns',
  'external', 'google', 'google-beta', 'googleworkspace', 'hcp', 'hcs', 'helm', 'http', 'kubernetes', 'local', 'nomad',
  'null', 'oci', 'opc', 'oraclepaas', 'random', 'salesforce', 'template', 'tfe', 'tfmigrate', 'time', 'tls', 'vault',
  'vsphere', 'waypoint',
]);
