/**
 * Terraform type constraints as Terraform writes them in JSON (`terraform metadata functions -json`,
 * `terraform providers schema -json`): `"string"`, `"number"`, `"bool"`, `"dynamic"` (any type),
 * `["list", T]`, `["set", T]`, `["map", T]`, `["object", {attr: T}]`, `["tuple", [T...]]`.
 */
export type TypeJson =
  | 'string'
  | 'number'
  | 'bool'
  | 'dynamic'
  | readonly ['list' | 'set' | 'map', TypeJson]
  | readonly ['object', Readonly<Record<string, TypeJson>>]
  | readonly ['tuple', readonly TypeJson[]];

export interface ParamSignature {
  name: string;
  type: TypeJson;
  /** The argument may be null (otherwise Terraform rejects null with "argument must not be null"). */
  nullable?: boolean;
}

/** One row of the generated table. */
export interface RawSignature {
  params: readonly ParamSignature[];
  variadic?: ParamSignature;
  returns: TypeJson;
}

/** Human-readable type name, as Terraform prints it in diagnostics ("list of string", "map of number"). */
export function typeName(t: TypeJson): string {
  if (typeof t === 'string') return t === 'dynamic' ? 'any type' : t;
  switch (t[0]) {
    case 'list':
    case 'set':
    case 'map':
      return `${t[0]} of ${typeName(t[1] as TypeJson)}`;
    case 'object':
      return 'object';
    case 'tuple':
      return 'tuple';
  }
}
