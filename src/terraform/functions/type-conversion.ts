import { convert } from '../eval/convert.ts';
import { friendlyTypeName, T_BOOL, T_NUMBER, T_STRING, type TfType } from '../eval/types.ts';
import { containsSensitive, isSensitive, markSensitive, type TfValue, typeOf, Unknown, unknownOf, unmarkDeep } from '../eval/value.ts';
import { defineFunction, FunctionArgError, type TfFunction } from './define-function.ts';

function conversion(name: string, target: TfType, message: (v: TfValue) => string): TfFunction {
  return defineFunction({
    name,
    params: [{ allowNull: true, allowUnknown: true }],
    partialUnknown: true,
    impl: ([v]) => {
      if (v === null) return null;
      if (v instanceof Unknown) return unknownOf(target);
      const c = convert(v!, target);
      if (!c.ok) throw new FunctionArgError(0, message(v!));
      return c.value;
    },
  });
}

const kind = (v: TfValue): string => {
  const t = typeOf(v);
  return t.kind === 'tuple' || t.kind === 'object' ? t.kind : friendlyTypeName(t);
};

export const typeConversionFunctions: TfFunction[] = [
  conversion('tostring', T_STRING, (v) => `cannot convert ${kind(v)} to string`),
  conversion('tonumber', T_NUMBER, (v) =>
    typeof v === 'string' ? `cannot convert ${JSON.stringify(v)} to number; given string must be a decimal representation of a number` : `cannot convert ${kind(v)} to number`,
  ),
  conversion('tobool', T_BOOL, (v) =>
    typeof v === 'string' ? `cannot convert ${JSON.stringify(v)} to bool; only the strings "true" or "false" are allowed` : `cannot convert ${kind(v)} to bool`,
  ),
  conversion('tolist', { kind: 'list', element: { kind: 'dynamic' } }, (v) => `cannot convert ${kind(v)} to list of any single type`),
  conversion('toset', { kind: 'set', element: { kind: 'dynamic' } }, (v) => `cannot convert ${kind(v)} to set of any single type`),
  conversion('tomap', { kind: 'map', element: { kind: 'dynamic' } }, (v) => `cannot convert ${kind(v)} to map of any single type`),
  defineFunction({
    name: 'sensitive',
    params: [{ allowNull: true, allowUnknown: true, allowMarked: true }],
    partialUnknown: true,
    impl: ([v]) => markSensitive(v!),
  }),
  defineFunction({
    name: 'nonsensitive',
    params: [{ allowNull: true, allowUnknown: true, allowMarked: true }],
    partialUnknown: true,
    impl: ([v]) => unmarkDeep(v!).value,
  }),
  defineFunction({
    name: 'issensitive',
    params: [{ allowNull: true, allowUnknown: true, allowMarked: true }],
    partialUnknown: true,
    impl: ([v]) => isSensitive(v) || containsSensitive(v!),
  }),
  defineFunction({
    name: 'ephemeralasnull',
    params: [{ allowNull: true, allowUnknown: true, allowMarked: true }],
    partialUnknown: true,
    // iacpac does not model ephemeral values: every value is non-ephemeral and passes through.
    impl: ([v]) => v!,
  }),
];

