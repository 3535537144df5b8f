/** Operand accessors and OPA's operand error messages (topdown/builtins: NewOperandTypeErr & co). */
import { BuiltinError } from './define-builtin.ts';
import {
  isInteger,
  toBigInt,
  typeName,
  RegoObject,
  RegoSet,
  type RegoNumber,
  type RegoValue,
} from '../value.ts';

/** `operand N <message>` (eval_type_error). */
export function operandError(position: number, message: string): BuiltinError {
  return new BuiltinError(`operand ${position} ${message}`, 'eval_type_error');
}

/** `operand N must be <type> but got <type>` / `must be one of {a, b} but got <type>`. */
export function typeError(position: number, got: RegoValue, ...expected: string[]): BuiltinError {
  const want = expected.length === 1 ? expected[0]! : `one of {${expected.join(', ')}}`;
  return operandError(position, `must be ${want} but got ${typeName(got)}`);
}

/** `operand N must be array of strings but got array containing number`. */
export function elementError(position: number, composite: RegoValue, got: RegoValue, ...expected: string[]): BuiltinError {
  const kind = typeName(composite);
  return expected.length === 1
    ? operandError(position, `must be ${kind} of ${expected[0]}s but got ${kind} containing ${typeName(got)}`)
    : operandError(position, `must be ${kind} of (any of) {${expected.join(', ')}} but got ${kind} containing ${typeName(got)}`);
}

export function stringOperand(v: RegoValue | undefined, position: number): string {
  if (typeof v !== 'string') throw typeError(position, v ?? null, 'string');
  return v;
}

export function numberOperand(v: RegoValue | undefined, position: number): RegoNumber {
  if (typeof v !== 'number' && typeof v !== 'bigint') throw typeError(position, v ?? null, 'number');
  return v;
}

/** An integer operand as bigint; floats fail with OPA's `must be integer number but got floating-point number`. */
export function bigIntOperand(v: RegoValue | undefined, position: number): bigint {
  const n = numberOperand(v, position);
  const i = toBigInt(n);
  if (i === undefined) throw operandError(position, 'must be integer number but got floating-point number');
  return i;
}

/** An integer operand that fits a JS number (OPA's IntOperand). */
export function intOperand(v: RegoValue | undefined, position: number): number {
  const n = numberOperand(v, position);
  if (!isInteger(n)) throw operandError(position, 'must be integer number but got floating-point number');
  return Number(n);
}

export function arrayOperand(v: RegoValue | undefined, position: number): readonly RegoValue[] {
  if (!Array.isArray(v)) throw typeError(position, v ?? null, 'array');
  return v as readonly RegoValue[];
}

export function objectOperand(v: RegoValue | undefined, position: number): RegoObject {
  if (!(v instanceof RegoObject)) throw typeError(position, v ?? null, 'object');
  return v;
}

export function setOperand(v: RegoValue | undefined, position: number): RegoSet {
  if (!(v instanceof RegoSet)) throw typeError(position, v ?? null, 'set');
  return v;
}

/** Elements of an array or a set (sets in sorted order), else a type error naming `expected`. */
export function collectionElements(v: RegoValue | undefined, position: number, ...expected: string[]): RegoValue[] {
  if (Array.isArray(v)) return [...(v as readonly RegoValue[])];
  if (v instanceof RegoSet) return v.sorted();
  throw typeError(position, v ?? null, ...(expected.length ? expected : ['array', 'set']));
}

/** An array or set of strings (OPA's StringSliceOperand). */
export function stringSliceOperand(v: RegoValue | undefined, position: number): string[] {
  const items = collectionElements(v, position, 'array', 'set');
  return items.map((x) => {
    if (typeof x !== 'string') throw elementError(position, v!, x, 'string');
    return x;
  });
}
