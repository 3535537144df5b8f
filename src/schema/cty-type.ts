import type { CtyType } from './provider-schema.ts';

/** Terraform's friendly name of a cty type, as in its error messages: `string`, `list of string`, `object`, `map of number`. */
export function ctyTypeName(type: CtyType): string {
  if (typeof type === 'string') return type;
  switch (type[0]) {
    case 'list':
    case 'set':
    case 'map':
      return `${type[0]} of ${ctyTypeName(type[1])}`;
    case 'object':
      return 'object';
    case 'tuple':
      return 'tuple';
  }
}

export function isPrimitiveCtyType(type: CtyType): type is 'string' | 'number' | 'bool' {
  return type === 'string' || type === 'number' || type === 'bool';
}
