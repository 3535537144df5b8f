/** json.verify_schema and json.match_schema (OPA category `object`), over json-schema.ts. */
import { BuiltinError } from './define-builtin.ts';
import { defineCategory } from './builtin.ts';
import { parseJson } from './json-text.ts';
import { checkSchema, SchemaError, validateAgainstSchema } from './json-schema.ts';
import { typeError } from './operands.ts';
import { RegoObject, type RegoValue } from '../value.ts';

const builtin = defineCategory('object');

/** A schema or document given as JSON text or as a value. */
function jsonOperand(v: RegoValue | undefined, position: number): RegoValue {
  if (typeof v === 'string') return parseJson(v);
  if (v instanceof RegoObject || typeof v === 'boolean') return v;
  throw typeError(position, v ?? null, 'string', 'object');
}

function loadSchema(v: RegoValue | undefined, position: number): RegoValue {
  const schema = jsonOperand(v, position);
  try {
    checkSchema(schema);
  } catch (error) {
    if (error instanceof SchemaError) throw new BuiltinError(error.message);
    throw error;
  }
  return schema;
}

export const jsonSchemaBuiltins = [
  builtin(
    'json.verify_schema',
    ([s]) => {
      try {
        loadSchema(s, 1);
        return [true, null];
      } catch (error) {
        if (error instanceof BuiltinError && error.code !== 'eval_type_error') return [false, `jsonschema: ${error.message}`];
        throw error;
      }
    },
    { checkOperands: false },
  ),
  builtin(
    'json.match_schema',
    ([d, s]) => {
      const document = typeof d === 'string' ? parseJson(d) : (d ?? null);
      const schema = loadSchema(s, 2);
      const violations = validateAgainstSchema(document, schema);
      return [
        violations.length === 0,
        violations.map((v) => RegoObject.fromRecord({ error: `${v.field}: ${v.desc}`, desc: v.desc, field: v.field, type: v.type })),
      ];
    },
    { checkOperands: false },
  ),
];
