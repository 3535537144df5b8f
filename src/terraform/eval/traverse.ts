import type { SourceRange } from '../../core/source-range.ts';
import { convert } from './convert.ts';
import { evalError } from './eval-error.ts';
import { T_NUMBER, T_STRING, type TfType } from './types.ts';
import { collectionInfo, describeType, isObject, Sensitive, type TfValue, Unknown, UNKNOWN, unknownOf } from './value.ts';

const NOT_IDENTIFIED = 'The given key does not identify an element in this collection value';

/** `value.name`: an object attribute or map element (and `list.0`, HCL's legacy index syntax). */
export function applyAttr(value: TfValue, name: string, range: SourceRange): TfValue {
  if (value instanceof Sensitive) {
    const inner = applyAttr(value.value, name, range);
    return inner instanceof Sensitive ? inner : new Sensitive(inner);
  }
  if (value instanceof Unknown) return unknownOf(attributeType(value.type, name));
  if (value === null)
    throw evalError('Attempt to get attribute from null value', 'This value is null, so it does not have any attributes.', range);
  if (Array.isArray(value)) {
    if (/^\d+$/.test(name)) return applyIndex(value, Number(name), range);
    const elementsAreObjects = value.length > 0 && value.every((v) => isObject(v) || v instanceof Unknown);
    throw evalError(
      'Unsupported attribute',
      elementsAreObjects
        ? `Can't access attributes on a list of objects. Did you mean to access attribute ${JSON.stringify(name)} for a specific element of the list, or across all elements of the list?`
        : 'This value does not have any attributes.',
      range,
    );
  }
  if (isObject(value)) {
    if (Object.hasOwn(value, name)) return value[name]!;
    if (collectionInfo(value)?.kind === 'map')
      throw evalError('Missing map element', `This map does not have an element with the key ${JSON.stringify(name)}.`, range);
    throw evalError('Unsupported attribute', `This object does not have an attribute named ${JSON.stringify(name)}.`, range);
  }
  throw evalError('Unsupported attribute', `Can't access attributes on a primitive-typed value (${describeType(value)}).`, range);
}

/** `collection[key]`. */
export function applyIndex(collection: TfValue, keyRaw: TfValue, range: SourceRange): TfValue {
  let sensitive = false;
  let key = keyRaw;
  if (key instanceof Sensitive) {
    sensitive = true;
    key = key.value;
  }
  if (collection instanceof Sensitive) {
    sensitive = true;
    collection = collection.value;
  }
  const result = indexInner(collection, key, range);
  return sensitive && !(result instanceof Sensitive) ? new Sensitive(result) : result;
}

function indexInner(collection: TfValue, key: TfValue, range: SourceRange): TfValue {
  if (collection === null) throw evalError('Attempt to index null value', 'This value is null, so it does not have any indices.', range);
  if (key === null) throw evalError('Invalid index', "Can't use a null value as an indexing key.", range);
  if (collection instanceof Unknown) return unknownOf(elementType(collection.type, key));
  if (Array.isArray(collection)) {
    if (collectionInfo(collection)?.kind === 'set')
      throw evalError(
        'Invalid index',
        "Elements of a set are identified only by their value and don't have any separate index or key to select with, so it's only possible to perform operations across all elements of the set.",
        range,
      );
    if (key instanceof Unknown) return UNKNOWN;
    const n = convert(key, T_NUMBER);
    if (!n.ok) throw evalError('Invalid index', `${NOT_IDENTIFIED}: ${n.error}.`, range);
    const i = n.value as number;
    if (!Number.isInteger(i)) throw evalError('Invalid index', `${NOT_IDENTIFIED}: indexing a sequence requires a whole number, but the given index has a fractional part.`, range);
    if (i < 0) throw evalError('Invalid index', `${NOT_IDENTIFIED}: a negative number is not a valid index for a sequence.`, range);
    if (i >= collection.length)
      throw evalError('Invalid index', `${NOT_IDENTIFIED}: the given index is greater than or equal to the length of the collection.`, range);
    return collection[i]!;
  }
  if (isObject(collection)) {
    if (key instanceof Unknown) return UNKNOWN;
    const s = convert(key, T_STRING);
    if (!s.ok) throw evalError('Invalid index', `${NOT_IDENTIFIED}: ${s.error}.`, range);
    const k = s.value as string;
    if (!Object.hasOwn(collection, k)) throw evalError('Invalid index', `${NOT_IDENTIFIED}.`, range);
    return collection[k]!;
  }
  throw evalError('Invalid index', 'This value does not have any indices.', range);
}

function attributeType(t: TfType, name: string): TfType {
  if (t.kind === 'object') return t.attributes[name] ?? { kind: 'dynamic' };
  if (t.kind === 'map') return t.element;
  return { kind: 'dynamic' };
}

function elementType(t: TfType, key: TfValue): TfType {
  if (t.kind === 'list' || t.kind === 'map') return t.element;
  if (t.kind === 'tuple' && typeof key === 'number') return t.elements[key] ?? { kind: 'dynamic' };
  if (t.kind === 'object' && typeof key === 'string') return t.attributes[key] ?? { kind: 'dynamic' };
  return { kind: 'dynamic' };
}
