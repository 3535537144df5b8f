import { SIGNATURE_TABLE } from './signature-table.ts';
import type { ParamSignature, RawSignature, TypeJson } from './signature-types.ts';

export type { ParamSignature, TypeJson } from './signature-types.ts';
export { typeName } from './signature-types.ts';

/** The categories of Terraform's function documentation; one implementation file per category. */
export type FunctionCategory =
  | 'numeric'
  | 'string'
  | 'collection'
  | 'encoding'
  | 'filesystem'
  | 'date-time'
  | 'hash-crypto'
  | 'ip-network'
  | 'type-conversion';

/**
 * A built-in Terraform function: parameters, optional variadic parameter and return type exactly as
 * `terraform metadata functions -json` (Terraform 1.11) reports them, plus its documentation category
 * and whether iacpac evaluates it (an unimplemented function evaluates to unknown with a warning).
 */
export interface FunctionSignature {
  name: string;
  category: FunctionCategory;
  params: readonly ParamSignature[];
  variadic?: ParamSignature;
  returns: TypeJson;
  implemented: boolean;
}

const CATEGORIES: Record<FunctionCategory, readonly string[]> = {
  numeric: ['abs', 'ceil', 'floor', 'log', 'max', 'min', 'parseint', 'pow', 'signum'],
  string: [
    'chomp', 'endswith', 'format', 'formatlist', 'indent', 'join', 'lower', 'regex', 'regexall', 'replace', 'split',
    'startswith', 'strcontains', 'strrev', 'substr', 'templatestring', 'title', 'trim', 'trimprefix', 'trimsuffix',
    'trimspace', 'upper',
  ],
  collection: [
    'alltrue', 'anytrue', 'chunklist', 'coalesce', 'coalescelist', 'compact', 'concat', 'contains', 'distinct',
    'element', 'flatten', 'index', 'keys', 'length', 'lookup', 'matchkeys', 'merge', 'one', 'range', 'reverse',
    'setintersection', 'setproduct', 'setsubtract', 'setunion', 'slice', 'sort', 'sum', 'transpose', 'values', 'zipmap',
  ],
  encoding: [
    'base64decode', 'base64encode', 'base64gzip', 'csvdecode', 'jsondecode', 'jsonencode', 'textdecodebase64',
    'textencodebase64', 'urlencode', 'yamldecode', 'yamlencode',
  ],
  filesystem: ['abspath', 'basename', 'dirname', 'file', 'filebase64', 'fileexists', 'fileset', 'pathexpand', 'templatefile'],
  'date-time': ['formatdate', 'plantimestamp', 'timeadd', 'timecmp', 'timestamp'],
  'hash-crypto': [
    'base64sha256', 'base64sha512', 'bcrypt', 'filebase64sha256', 'filebase64sha512', 'filemd5', 'filesha1',
    'filesha256', 'filesha512', 'md5', 'rsadecrypt', 'sha1', 'sha256', 'sha512', 'uuid', 'uuidv5',
  ],
  'ip-network': ['cidrhost', 'cidrnetmask', 'cidrsubnet', 'cidrsubnets'],
  'type-conversion': [
    'can', 'ephemeralasnull', 'issensitive', 'nonsensitive', 'sensitive', 'tobool', 'tolist', 'tomap', 'tonumber',
    'toset', 'tostring', 'try',
  ],
};

/**
 * Functions whose result iacpac cannot reproduce and therefore treats as unknown with a warning
 * (never a wrong value): `base64gzip` depends byte for byte on Go's deflate implementation.
 */
export const NOT_IMPLEMENTED: ReadonlySet<string> = new Set(['base64gzip']);

/**
 * Functions iacpac evaluates. Kept as data (not derived from the implementations) so the validator can
 * import signatures without loading the implementations; `registry.test.ts` checks the two agree.
 */
export const IMPLEMENTED_FUNCTIONS: ReadonlySet<string> = new Set<string>(
  Object.values(CATEGORIES)
    .flat()
    .filter((name) => !NOT_IMPLEMENTED.has(name)),
);

const categoryOf = new Map<string, FunctionCategory>();
for (const [category, names] of Object.entries(CATEGORIES) as Array<[FunctionCategory, readonly string[]]>) {
  for (const name of names) categoryOf.set(name, category);
}

function build(name: string, raw: RawSignature): FunctionSignature {
  const category = categoryOf.get(name);
  if (!category) throw new Error(`terraform function ${name} has no category`);
  return { name, category, ...raw, implemented: IMPLEMENTED_FUNCTIONS.has(name) };
}

/** Every built-in function of Terraform 1.11 (`provider::` functions excluded), by name. */
export const FUNCTION_SIGNATURES: ReadonlyMap<string, FunctionSignature> = new Map(
  SIGNATURE_TABLE.map(([name, raw]) => [name, build(name, raw)]),
);

/** Looks a function up by the name written in the call; `core::x` is Terraform's namespaced alias of `x`. */
export function lookupFunctionSignature(name: string): FunctionSignature | undefined {
  return FUNCTION_SIGNATURES.get(name.startsWith('core::') ? name.slice('core::'.length) : name);
}

/** Minimum and maximum argument counts (`max` is Infinity for variadic functions). */
export function arity(sig: FunctionSignature): { min: number; max: number } {
  return { min: sig.params.length, max: sig.variadic ? Number.POSITIVE_INFINITY : sig.params.length };
}
