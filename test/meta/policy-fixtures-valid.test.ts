// Every policy fixture is valid Terraform for the bundled aws provider (checked with the embedded validator),
// so a policy is never demonstrated on configuration Terraform would reject. The only exceptions are fail fixtures
// that cannot be written validly: policies about resource types the aws provider removed in 5.x, and policies that
// report a configuration the provider schema rejects (Checkov judges such configurations, so the scanner does too).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { libraryDir, readLibraryIndex } from '../../src/scan/policy-library.ts';
import { validateDirectory } from '../../src/validate/index.ts';

const REMOVED_RESOURCE_TYPES = new Map([
  ['IACPAC_AWS_ELASTICACHE_009/fail.tf', 'aws_elasticache_security_group'],
  ['IACPAC_AWS_RDS_027/fail.tf', 'aws_db_security_group'],
]);

// fixture -> the errors Terraform 1.11.4 reports for it (recorded with `terraform validate -json`), in any order.
const ROUTE_TARGETS = [
  'carrier_gateway_id', 'core_network_arn', 'egress_only_gateway_id', 'gateway_id', 'local_gateway_id', 'nat_gateway_id',
  'network_interface_id', 'transit_gateway_id', 'vpc_endpoint_id', 'vpc_peering_connection_id',
];
const REJECTED_BY_SCHEMA = new Map<string, string[]>([
  ['IACPAC_AWS_EMR_004/fail.tf', ['Missing required argument: The argument "realm" is required, but no definition was found.']],
  [
    // A route to an instance (instance_id) is how providers before 5.0 wrote it; 5.x computes instance_id, and the
    // route then names none of the targets it accepts.
    'IACPAC_AWS_VPC_012/fail.tf',
    [
      'Value for unconfigurable attribute: Can\'t configure a value for "instance_id": its value will be decided automatically based on the result of applying this configuration.',
      ...ROUTE_TARGETS.map((t) => `Invalid combination of arguments: "${t}": one of \`${ROUTE_TARGETS.join(',')}\` must be specified`),
    ],
  ],
]);

const work = mkdtempSync(join(tmpdir(), 'iacpac-fixture-validity-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('policy fixtures are valid Terraform', () => {
  const cases = readLibraryIndex().flatMap((entry) =>
    ['pass.tf', 'fail.tf'].map((name) => ({ id: entry.id, name, file: join(libraryDir(), dirname(entry.file), 'fixtures', entry.id, name) })),
  );
  it.each(cases.filter((c) => existsSync(c.file)))('$id/$name', async ({ id, name, file }) => {
    const dir = join(work, `${id}-${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'main.tf'), readFileSync(file, 'utf8'));
    const result = await validateDirectory(dir);
    const errors = result.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.summary}: ${d.detail}`);
    const removed = REMOVED_RESOURCE_TYPES.get(`${id}/${name}`);
    const rejected = REJECTED_BY_SCHEMA.get(`${id}/${name}`);
    if (removed) expect(errors).toEqual([`Invalid resource type: The provider hashicorp/aws does not support resource type "${removed}".`]);
    else if (rejected) expect([...errors].sort()).toEqual([...rejected].sort());
    else expect(errors).toEqual([]);
  });
});
