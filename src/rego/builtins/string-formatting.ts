/**
 * sprintf (Go fmt over Rego values, as OPA passes them), strings.render_template (Go text/template) and string
 * interpolation (`internal.template_string`).
 *
 * `internal.template_string(parts)` contract with the compiler: `parts` is an array whose elements are either a
 * string (literal template text) or a set holding the values of one `{expr}` (the compiler wraps each expression in
 * a set comprehension): an empty set renders `<undefined>`, a one-element set renders its value (strings raw, other
 * values as Rego text), more than one value is an error.
 */
import { BuiltinError } from './define-builtin.ts';
import { defineCategory } from './builtin.ts';
import { goSprintf, type GoArg } from './go-fmt.ts';
import { renderGoTemplate, type TemplateData } from './go-template.ts';
import { arrayOperand, objectOperand, stringOperand, typeError } from './operands.ts';
import { regoText } from './value-text.ts';
import { RegoSet, toJS, type RegoValue } from '../value.ts';

const strings = defineCategory('strings');
const internal = defineCategory('internal');

const INT_MIN = -(2n ** 63n);
const INT_MAX = 2n ** 63n - 1n;

/** How OPA hands a Rego value to Go's fmt: int, *big.Int, float64, string, or the value's Rego text. */
export function toGoArg(v: RegoValue): GoArg {
  if (typeof v === 'number') {
    // Integral JS numbers beyond 2^53 come from float text (1e21), which OPA hands to fmt as a float64.
    if (Number.isSafeInteger(v)) return { kind: 'int', value: BigInt(v) };
    return { kind: 'float', value: v };
  }
  if (typeof v === 'bigint') return v >= INT_MIN && v <= INT_MAX ? { kind: 'int', value: v } : { kind: 'bigint', value: v };
  if (typeof v === 'string') return { kind: 'string', value: v };
  return { kind: 'string', value: regoText(v) };
}

export const stringFormattingBuiltins = [
  strings(
    'sprintf',
    ([f, a]) => {
      const format = stringOperand(f, 1);
      if (!Array.isArray(a)) throw typeError(2, a ?? null, 'array');
      return goSprintf(format, (a as readonly RegoValue[]).map(toGoArg));
    },
    { checkOperands: false },
  ),
  strings('strings.render_template', ([t, v]) => {
    const template = stringOperand(t, 1);
    const variables = objectOperand(v, 2);
    return renderGoTemplate(template, toJS(variables) as TemplateData);
  }),
  internal('internal.template_string', ([p]) => {
    let out = '';
    for (const part of arrayOperand(p, 1)) {
      if (typeof part === 'string') out += part;
      else if (part instanceof RegoSet) {
        if (part.size === 0) out += '<undefined>';
        else if (part.size > 1) throw new BuiltinError('template expression produced more than one value');
        else {
          const value = part.sorted()[0]!;
          out += typeof value === 'string' ? value : regoText(value);
        }
      } else out += regoText(part);
    }
    return out;
  }),
];
