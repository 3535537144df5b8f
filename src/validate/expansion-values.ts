import type { Expression } from '../hcl/ast.ts';
import { friendlyTypeName, type TfType } from '../terraform/eval/types.ts';
import { collectionInfo, isObject, isSensitive, isUnknown, typeOf, type TfValue } from '../terraform/eval/value.ts';
import { errorAt, type ValidatorDiagnostic } from './diagnostic.ts';

/** A decimal number as cty's string-to-number conversion accepts it. */
const NUMBER_TEXT = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/**
 * What `terraform validate` says about a `count` value it can evaluate (an unknown value is accepted at validate
 * time): null, a value that is not a number, a fraction or a negative number.
 */
export function countValueDiagnostics(value: TfValue, expr: Expression): ValidatorDiagnostic[] {
  if (isSensitive(value)) value = value.value;
  if (isUnknown(value)) {
    // Converted to a number first: an unknown value of a type that has no conversion fails already.
    const kind = value.type.kind;
    if (kind === 'dynamic' || kind === 'number' || kind === 'string') return [];
    return [errorAt('invalid-count', 'Incorrect value type', 'Invalid expression value: number required.', expr.range)];
  }
  const invalid = (detail: string) => [errorAt('invalid-count', 'Invalid count argument', detail, expr.range)];
  if (value === null) return invalid('The given "count" argument value is null. An integer is required.');
  let n: number;
  if (typeof value === 'number') n = value;
  else if (typeof value === 'string') {
    if (!NUMBER_TEXT.test(value)) return [errorAt('invalid-count', 'Incorrect value type', 'Invalid expression value: a number is required.', expr.range)];
    n = Number(value);
  } else return [errorAt('invalid-count', 'Incorrect value type', 'Invalid expression value: number required.', expr.range)];
  if (!Number.isInteger(n)) {
    return invalid('The given "count" argument value is unsuitable: value must be a whole number, between -9223372036854775808 and 9223372036854775807.');
  }
  if (n < 0) return invalid('The given "count" argument value is unsuitable: must be greater than or equal to zero.');
  return [];
}

/**
 * What `terraform validate` says about a `for_each` value it can evaluate: it must be a map, an object or a set of
 * strings without nulls. Unknown values (and sets holding unknown elements) are accepted at validate time.
 */
export function forEachValueDiagnostics(value: TfValue, expr: Expression): ValidatorDiagnostic[] {
  if (isSensitive(value) || isObject(value)) return [];
  const prefix = 'The given "for_each" argument value is unsuitable: ';
  const invalid = (detail: string) => [errorAt('invalid-for-each', 'Invalid for_each argument', prefix + detail, expr.range)];
  const unsuitableType = (type: TfType) =>
    invalid(`the "for_each" argument must be a map, or set of strings, and you have provided a value of type ${friendlyTypeName(type)}.`);
  if (isUnknown(value)) {
    // Terraform checks the type before whether the value is known: a variable typed as a list is refused.
    const kind = value.type.kind;
    return kind === 'dynamic' || kind === 'map' || kind === 'object' || kind === 'set' ? [] : unsuitableType(value.type);
  }
  if (value === null) return invalid('the given "for_each" argument value is null. A map, or set of strings is allowed.');
  if (Array.isArray(value) && collectionInfo(value)?.kind === 'set') {
    const invalidSet = (detail: string) => [errorAt('invalid-for-each', 'Invalid for_each set argument', prefix + detail, expr.range)];
    const element = collectionInfo(value)?.element;
    if (element && element.kind !== 'string' && element.kind !== 'dynamic') {
      return invalidSet(`"for_each" supports maps and sets of strings, but you have provided a set containing type ${friendlyTypeName(element)}.`);
    }
    if (value.some((item) => item === null)) return invalidSet('"for_each" sets must not contain null values.');
    return [];
  }
  return unsuitableType(typeOf(value));
}
