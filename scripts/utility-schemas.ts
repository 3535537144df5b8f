// Writes assets/schemas/<provider>-<version>.json: `terraform providers schema -json` documents for the small
// utility providers IaC-Eval scripts use (random, archive, null, tls, local, time). These providers are not
// installed where iacpac is built, so the schemas are written by hand from each provider's generated
// documentation (the tfplugindocs "Schema" sections: Required / Optional / Read-Only, nested blocks).
//
//   tsx scripts/utility-schemas.ts
//
// Attribute notation: "<mode> <type>[ sensitive][ deprecated]" where mode is `required`, `optional`,
// `computed` (read-only) or `optional+computed` (optional with a provider default); type is a cty type
// written as string | number | bool | list(T) | set(T) | map(T).
import { writeFileSync } from 'node:fs';
import type { CtyType, ProviderSchemasDocument, Schema, SchemaAttribute, SchemaBlock, SchemaBlockType } from '../src/schema/provider-schema.ts';

interface BlockSpec {
  attributes: Record<string, string>;
  blocks?: Record<string, { nesting: SchemaBlockType['nesting_mode']; min?: number; max?: number; block: BlockSpec }>;
  deprecated?: boolean;
}
interface ProviderSpec {
  name: string;
  /** Full address; default `registry.terraform.io/hashicorp/<name>`. */
  address?: string;
  version: string;
  resources: Record<string, BlockSpec>;
  dataSources: Record<string, BlockSpec>;
}

/** Named object types used by a few attributes (written without spaces so they fit the notation). */
const NAMED_TYPES: Record<string, CtyType> = {
  certificate: [
    'object',
    {
      cert_pem: 'string',
      is_ca: 'bool',
      issuer: 'string',
      not_after: 'string',
      not_before: 'string',
      public_key_algorithm: 'string',
      serial_number: 'string',
      sha1_fingerprint: 'string',
      signature_algorithm: 'string',
      subject: 'string',
      version: 'number',
    },
  ],
};

function parseType(text: string): CtyType {
  if (NAMED_TYPES[text]) return NAMED_TYPES[text];
  const match = /^(list|set|map)\((.*)\)$/.exec(text);
  if (match) return [match[1] as 'list', parseType(match[2] as string)];
  if (text === 'string' || text === 'number' || text === 'bool' || text === 'dynamic') return text;
  throw new Error(`bad type ${text}`);
}

function attribute(spec: string): SchemaAttribute {
  const [mode, type, ...flags] = spec.split(' ');
  const out: SchemaAttribute = { type: parseType(type as string) };
  if (mode === 'required') out.required = true;
  else if (mode === 'optional') out.optional = true;
  else if (mode === 'computed') out.computed = true;
  else if (mode === 'optional+computed') Object.assign(out, { optional: true, computed: true });
  else throw new Error(`bad mode in ${spec}`);
  for (const flag of flags) {
    if (flag === 'sensitive') out.sensitive = true;
    else if (flag === 'deprecated') out.deprecated = true;
    else throw new Error(`bad flag in ${spec}`);
  }
  return out;
}

function block(spec: BlockSpec): SchemaBlock {
  const out: SchemaBlock = {};
  out.attributes = Object.fromEntries(Object.entries(spec.attributes).map(([name, a]) => [name, attribute(a)]));
  if (spec.blocks) {
    out.block_types = Object.fromEntries(
      Object.entries(spec.blocks).map(([name, b]) => {
        const blockType: SchemaBlockType = { nesting_mode: b.nesting, block: block(b.block) };
        if (b.min) blockType.min_items = b.min;
        if (b.max) blockType.max_items = b.max;
        return [name, blockType];
      }),
    );
  }
  if (spec.deprecated) out.deprecated = true;
  return out;
}

const schema = (spec: BlockSpec, version = 0): Schema => ({ version, block: block(spec) });

const keepers = 'optional map(string)';
const stringOptions = {
  keepers,
  length: 'required number',
  lower: 'optional+computed bool',
  min_lower: 'optional+computed number',
  min_numeric: 'optional+computed number',
  min_special: 'optional+computed number',
  min_upper: 'optional+computed number',
  number: 'optional+computed bool deprecated',
  numeric: 'optional+computed bool',
  override_special: 'optional string',
  special: 'optional+computed bool',
  upper: 'optional+computed bool',
};

const archiveFile: BlockSpec = {
  attributes: {
    exclude_symlink_directories: 'optional bool',
    excludes: 'optional set(string)',
    id: 'computed string',
    output_base64sha256: 'computed string',
    output_base64sha512: 'computed string',
    output_file_mode: 'optional string',
    output_md5: 'computed string',
    output_path: 'required string',
    output_sha: 'computed string',
    output_sha256: 'computed string',
    output_sha512: 'computed string',
    output_size: 'computed number',
    source_content: 'optional string',
    source_content_filename: 'optional string',
    source_dir: 'optional string',
    source_file: 'optional string',
    type: 'required string',
  },
  blocks: {
    source: { nesting: 'set', block: { attributes: { content: 'required string', filename: 'required string' } } },
  },
};

const subject: BlockSpec = {
  attributes: {
    common_name: 'optional string',
    country: 'optional string',
    email_address: 'optional string',
    locality: 'optional string',
    organization: 'optional string',
    organizational_unit: 'optional string',
    postal_code: 'optional string',
    province: 'optional string',
    serial_number: 'optional string',
    street_address: 'optional list(string)',
  },
};
const publicKeyOutputs = {
  public_key_fingerprint_md5: 'computed string',
  public_key_fingerprint_sha256: 'computed string',
  public_key_openssh: 'computed string',
  public_key_pem: 'computed string',
};
const certificateTimes = {
  ready_for_renewal: 'computed bool',
  validity_end_time: 'computed string',
  validity_start_time: 'computed string',
};

const localFileDigests = {
  content_base64sha256: 'computed string',
  content_base64sha512: 'computed string',
  content_md5: 'computed string',
  content_sha1: 'computed string',
  content_sha256: 'computed string',
  content_sha512: 'computed string',
  id: 'computed string',
};

const timeParts = {
  day: 'computed number',
  hour: 'computed number',
  id: 'computed string',
  minute: 'computed number',
  month: 'computed number',
  second: 'computed number',
  unix: 'computed number',
  year: 'computed number',
};

const PROVIDERS: ProviderSpec[] = [
  {
    name: 'random',
    version: '3.7.2',
    resources: {
      random_bytes: { attributes: { base64: 'computed string sensitive', hex: 'computed string sensitive', keepers, length: 'required number' } },
      random_id: {
        attributes: {
          b64_std: 'computed string',
          b64_url: 'computed string',
          byte_length: 'required number',
          dec: 'computed string',
          hex: 'computed string',
          id: 'computed string',
          keepers,
          prefix: 'optional string',
        },
      },
      random_integer: {
        attributes: { id: 'computed string', keepers, max: 'required number', min: 'required number', result: 'computed number', seed: 'optional string' },
      },
      random_password: {
        attributes: { ...stringOptions, bcrypt_hash: 'computed string sensitive', id: 'computed string', result: 'computed string sensitive' },
      },
      random_pet: {
        attributes: { id: 'computed string', keepers, length: 'optional+computed number', prefix: 'optional string', separator: 'optional+computed string' },
      },
      random_shuffle: {
        attributes: {
          id: 'computed string',
          input: 'required list(string)',
          keepers,
          result: 'computed list(string)',
          result_count: 'optional number',
          seed: 'optional string',
        },
      },
      random_string: { attributes: { ...stringOptions, id: 'computed string', result: 'computed string' } },
      random_uuid: { attributes: { id: 'computed string', keepers, result: 'computed string' } },
    },
    dataSources: {},
  },
  {
    name: 'archive',
    version: '2.7.1',
    resources: { archive_file: archiveFile },
    dataSources: { archive_file: archiveFile },
  },
  {
    name: 'null',
    version: '3.2.4',
    resources: { null_resource: { attributes: { id: 'computed string', triggers: 'optional map(string)' } } },
    dataSources: {
      null_data_source: {
        attributes: {
          has_computed_default: 'optional+computed string',
          id: 'computed string',
          inputs: 'optional map(string)',
          outputs: 'computed map(string)',
          random: 'computed string',
        },
        deprecated: true,
      },
    },
  },
  {
    name: 'tls',
    version: '4.1.0',
    resources: {
      tls_private_key: {
        attributes: {
          algorithm: 'required string',
          ecdsa_curve: 'optional+computed string',
          id: 'computed string',
          private_key_openssh: 'computed string sensitive',
          private_key_pem: 'computed string sensitive',
          private_key_pem_pkcs8: 'computed string sensitive',
          rsa_bits: 'optional+computed number',
          ...publicKeyOutputs,
        },
      },
      tls_self_signed_cert: {
        attributes: {
          allowed_uses: 'required list(string)',
          cert_pem: 'computed string',
          dns_names: 'optional list(string)',
          early_renewal_hours: 'optional+computed number',
          id: 'computed string',
          ip_addresses: 'optional list(string)',
          is_ca_certificate: 'optional+computed bool',
          key_algorithm: 'computed string',
          private_key_pem: 'required string sensitive',
          set_authority_key_id: 'optional+computed bool',
          set_subject_key_id: 'optional+computed bool',
          uris: 'optional list(string)',
          validity_period_hours: 'required number',
          ...certificateTimes,
        },
        blocks: { subject: { nesting: 'list', max: 1, block: subject } },
      },
      tls_cert_request: {
        attributes: {
          cert_request_pem: 'computed string',
          dns_names: 'optional list(string)',
          id: 'computed string',
          ip_addresses: 'optional list(string)',
          key_algorithm: 'computed string',
          private_key_pem: 'required string sensitive',
          uris: 'optional list(string)',
        },
        blocks: { subject: { nesting: 'list', max: 1, block: subject } },
      },
      tls_locally_signed_cert: {
        attributes: {
          allowed_uses: 'required list(string)',
          ca_cert_pem: 'required string',
          ca_key_algorithm: 'computed string',
          ca_private_key_pem: 'required string sensitive',
          cert_pem: 'computed string',
          cert_request_pem: 'required string',
          early_renewal_hours: 'optional+computed number',
          id: 'computed string',
          is_ca_certificate: 'optional+computed bool',
          set_subject_key_id: 'optional+computed bool',
          validity_period_hours: 'required number',
          ...certificateTimes,
        },
      },
    },
    dataSources: {
      tls_certificate: {
        attributes: {
          certificates: 'computed list(certificate)',
          content: 'optional string',
          id: 'computed string',
          url: 'optional string',
          verify_chain: 'optional bool',
        },
      },
      tls_public_key: {
        attributes: {
          algorithm: 'computed string',
          id: 'computed string',
          private_key_openssh: 'optional string sensitive',
          private_key_pem: 'optional string sensitive',
          ...publicKeyOutputs,
        },
      },
    },
  },
  {
    name: 'local',
    version: '2.5.3',
    resources: {
      local_file: {
        attributes: {
          content: 'optional string',
          content_base64: 'optional string',
          directory_permission: 'optional+computed string',
          file_permission: 'optional+computed string',
          filename: 'required string',
          sensitive_content: 'optional string sensitive deprecated',
          source: 'optional string',
          ...localFileDigests,
        },
      },
      local_sensitive_file: {
        attributes: {
          content: 'optional string sensitive',
          content_base64: 'optional string sensitive',
          directory_permission: 'optional+computed string',
          file_permission: 'optional+computed string',
          filename: 'required string',
          source: 'optional string',
          ...localFileDigests,
        },
      },
    },
    dataSources: {
      local_file: { attributes: { content: 'computed string', content_base64: 'computed string', filename: 'required string', ...localFileDigests } },
      local_sensitive_file: {
        attributes: {
          content: 'computed string sensitive',
          content_base64: 'computed string sensitive',
          filename: 'required string',
          ...localFileDigests,
        },
      },
    },
  },
  {
    name: 'time',
    version: '0.13.1',
    resources: {
      time_offset: {
        attributes: {
          base_rfc3339: 'optional+computed string',
          offset_days: 'optional number',
          offset_hours: 'optional number',
          offset_minutes: 'optional number',
          offset_months: 'optional number',
          offset_seconds: 'optional number',
          offset_years: 'optional number',
          rfc3339: 'computed string',
          triggers: 'optional map(string)',
          ...timeParts,
        },
      },
      time_rotating: {
        attributes: {
          rfc3339: 'optional+computed string',
          rotation_days: 'optional number',
          rotation_hours: 'optional number',
          rotation_minutes: 'optional number',
          rotation_months: 'optional number',
          rotation_rfc3339: 'optional+computed string',
          rotation_years: 'optional number',
          triggers: 'optional map(string)',
          ...timeParts,
        },
      },
      time_sleep: {
        attributes: {
          create_duration: 'optional string',
          destroy_duration: 'optional string',
          id: 'computed string',
          triggers: 'optional map(string)',
        },
      },
      time_static: { attributes: { rfc3339: 'optional+computed string', triggers: 'optional map(string)', ...timeParts } },
    },
    dataSources: {},
  },
];

// Terraform's built-in provider (terraform_data, terraform_remote_state), from the Terraform 1.11 documentation.
PROVIDERS.push({
  name: 'terraform',
  address: 'terraform.io/builtin/terraform',
  version: '1.11.4',
  resources: {
    terraform_data: {
      attributes: { id: 'computed string', input: 'optional dynamic', output: 'computed dynamic', triggers_replace: 'optional dynamic' },
    },
  },
  dataSources: {
    terraform_remote_state: {
      attributes: {
        backend: 'required string',
        config: 'optional dynamic',
        defaults: 'optional dynamic',
        outputs: 'computed dynamic',
        workspace: 'optional string',
      },
    },
  },
});

const sorted = <T>(record: Record<string, T>): Record<string, T> =>
  Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));

for (const provider of PROVIDERS) {
  const address = provider.address ?? `registry.terraform.io/hashicorp/${provider.name}`;
  const doc: ProviderSchemasDocument = {
    format_version: '1.0',
    provider_schemas: {
      [address]: {
        provider: { version: 0, block: {} },
        resource_schemas: sorted(Object.fromEntries(Object.entries(provider.resources).map(([type, spec]) => [type, schema(spec)]))),
        data_source_schemas: sorted(Object.fromEntries(Object.entries(provider.dataSources).map(([type, spec]) => [type, schema(spec)]))),
      },
    },
  };
  const file = `assets/schemas/${provider.name}-${provider.version}.json`;
  writeFileSync(file, `${JSON.stringify(doc, null, 1)}\n`);
  process.stdout.write(`${address} ${provider.version} -> ${file}\n`);
}
