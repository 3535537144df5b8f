import type { Diagnostic } from '../core/diagnostics.ts';
import type { Expression } from '../hcl/ast.ts';
import type { LenientReading } from '../terraform/eval/context.ts';
import { collectionInfo, isObject, Sensitive, sortedKeys, Unknown, type TfValue } from '../terraform/eval/value.ts';

/** How many instances a resource or module call has: none of count/for_each, `count = n`, or for_each keys. */
export type Expansion =
  | { kind: 'single' }
  | { kind: 'count'; count: number }
  | { kind: 'for_each'; entries: Array<[string, TfValue]> };

export const MAX_INSTANCES = 10_000;

function error(summary: string, detail: string, expr: Expression): Diagnostic {
  return { severity: 'error', summary, detail, range: expr.range, source: 'plan', code: 'invalid-expansion' };
}

/** Terraform's checks on a `count` value (errors carry Terraform's wording). */
export function countExpansion(value: TfValue, expr: Expression): Expansion | Diagnostic {
  if (value instanceof Sensitive) value = value.value;
  if (value instanceof Unknown) {
    return error(
      'Invalid count argument',
      'The "count" value depends on resource attributes that cannot be determined until apply, so Terraform cannot predict how many instances will be created. To work around this, use the -target argument to first apply only the resources that the count depends on.',
      expr,
    );
  }
  if (value === null) return error('Invalid count argument', 'The given "count" argument value is null. An integer is required.', expr);
  let n: number | undefined;
  if (typeof value === 'number') n = value;
  else if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) n = Number(value);
  if (n === undefined) return error('Invalid count argument', 'The given "count" argument value is unsuitable: number required.', expr);
  if (!Number.isInteger(n)) return error('Invalid count argument', 'The given "count" argument value is unsuitable: whole number required.', expr);
  if (n < 0) return error('Invalid count argument', 'The given "count" argument value is unsuitable: must be greater than or equal to zero.', expr);
  if (n > MAX_INSTANCES) {
    return error('Invalid count argument', `The given "count" argument value is ${n}; iacpac plans at most ${MAX_INSTANCES} instances of one resource.`, expr);
  }
  return { kind: 'count', count: n };
}

/**
 * Terraform's checks on a `for_each` value: a map/object, or a set of strings. With `lenient` (the scan input), a
 * list or tuple of strings is taken as the set of its elements, as Checkov reads it.
 */
export function forEachExpansion(value: TfValue, expr: Expression, lenient?: LenientReading): Expansion | Diagnostic {
  const unsuitable = (detail: string) => error('Invalid for_each argument', detail, expr);
  if (value instanceof Sensitive) {
    return unsuitable(
      'Sensitive values, or values derived from sensitive values, cannot be used as for_each arguments. If used, the sensitive value could be exposed as a resource instance key.',
    );
  }
  if (value instanceof Unknown) {
    const set = value.type.kind === 'set';
    return unsuitable(
      set
        ? 'The "for_each" set includes values derived from resource attributes that cannot be determined until apply, and so Terraform cannot determine the full set of keys that will identify the instances of this resource.'
        : 'The "for_each" map includes keys derived from resource attributes that cannot be determined until apply, and so Terraform cannot determine the full set of keys that will identify the instances of this resource.',
    );
  }
  if (value === null) return unsuitable('The given "for_each" argument value is unsuitable: the given "for_each" argument value is null. A map, or set of strings is allowed.');
  if (Array.isArray(value)) {
    if (collectionInfo(value)?.kind !== 'set' && lenient && value.every((item) => typeof item === 'string')) {
      lenient.used = true;
      const keys = [...new Set(value as string[])].sort();
      return limit({ kind: 'for_each', entries: keys.map((k) => [k, k]) }, expr);
    }
    if (collectionInfo(value)?.kind !== 'set') {
      return unsuitable(
        `The given "for_each" argument value is unsuitable: the "for_each" argument must be a map, or set of strings, and you have provided a value of type ${collectionInfo(value)?.kind ?? 'tuple'}.`,
      );
    }
    const entries: Array<[string, TfValue]> = [];
    for (const item of value) {
      const plain = item instanceof Sensitive ? item.value : item;
      if (plain instanceof Unknown) return unsuitable('The "for_each" set includes values derived from resource attributes that cannot be determined until apply, and so Terraform cannot determine the full set of keys that will identify the instances of this resource.');
      if (typeof plain !== 'string') {
        return unsuitable('The given "for_each" argument value is unsuitable: "for_each" supports maps and sets of strings, but you have provided a set containing type ' + (plain === null ? 'null' : typeof plain) + '.');
      }
      entries.push([plain, plain]);
    }
    return limit({ kind: 'for_each', entries }, expr);
  }
  if (isObject(value)) {
    const entries: Array<[string, TfValue]> = sortedKeys(value).map((k) => [k, value[k]!]);
    return limit({ kind: 'for_each', entries }, expr);
  }
  return unsuitable(
    `The given "for_each" argument value is unsuitable: the "for_each" argument must be a map, or set of strings, and you have provided a value of type ${typeof value === 'boolean' ? 'bool' : typeof value}.`,
  );
}

function limit(expansion: Expansion & { kind: 'for_each' }, expr: Expression): Expansion | Diagnostic {
  if (expansion.entries.length > MAX_INSTANCES) {
    return error('Invalid for_each argument', `The "for_each" value has ${expansion.entries.length} elements; iacpac plans at most ${MAX_INSTANCES} instances of one resource.`, expr);
  }
  return expansion;
}

/** Instance keys of an expansion, in Terraform's order (count ascending, for_each keys sorted). */
export function instanceKeys(expansion: Expansion): Array<number | string | undefined> {
  if (expansion.kind === 'single') return [undefined];
  if (expansion.kind === 'count') return Array.from({ length: expansion.count }, (_, i) => i);
  return expansion.entries.map(([k]) => k);
}
