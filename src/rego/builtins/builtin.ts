/**
 * `defineCategory(category)` returns a `builtin(name, impl)` helper that builds a BuiltinDefinition whose declared
 * types, description and flags come from OPA's declaration table (declarations.ts), so every builtin has exactly
 * OPA's signature. The returned `impl` wraps the implementation the way OPA's topdown does:
 *  - operands whose declared type is a single plain type (string, number, ...) are type-checked first and fail with
 *    `operand N must be <type> but got <type>` (eval_type_error), as OPA's `builtins.*Operand` helpers do;
 *  - every error message is prefixed with the builtin name (`div: divide by zero`), like topdown's builtin errors;
 *  - an unexpected JS exception becomes a BuiltinError instead of crashing the evaluation.
 */
import { BuiltinError, defineBuiltin, type BuiltinContext, type BuiltinDefinition, type RegoType } from './define-builtin.ts';
import { DECLARATIONS, type DeclaredBuiltinName } from './declarations.ts';
import { typeName, type RegoValue } from '../value.ts';

export type BuiltinImpl = (args: readonly RegoValue[], context: BuiltinContext) => RegoValue | undefined;

export interface BuiltinOptions {
  /** Skip the generic operand type check (the implementation reports OPA's own, more specific message). */
  readonly checkOperands?: false;
}

const SIMPLE_TYPES = new Set(['null', 'boolean', 'number', 'string', 'array', 'object', 'set']);

/**
 * Wrap an implementation the way OPA's topdown wraps every builtin call: plain-typed operands are checked first,
 * error messages get the `name: ` prefix, stray JS exceptions become BuiltinErrors.
 */
export function wrapBuiltinImpl(name: string, args: readonly RegoType[], impl: BuiltinImpl, options: BuiltinOptions = {}): BuiltinImpl {
  // the checked operands' positions and types (a builtin call runs this loop on every call)
  const positions: number[] = [];
  const types: string[] = [];
  if (options.checkOperands !== false) {
    args.forEach((t: RegoType, i) => {
      if (SIMPLE_TYPES.has(t.type)) {
        positions.push(i);
        types.push(t.type);
      }
    });
  }
  return (values, context) => {
    try {
      for (let j = 0; j < positions.length; j++) {
        const i = positions[j]!;
        const value = values[i];
        if (value !== undefined && typeName(value) !== types[j]) {
          throw new BuiltinError(`operand ${i + 1} must be ${types[j]} but got ${typeName(value)}`, 'eval_type_error');
        }
      }
      return impl(values, context);
    } catch (error) {
      if (error instanceof BuiltinError) throw new BuiltinError(`${name}: ${error.message}`, error.code);
      if (error instanceof RangeError || error instanceof TypeError || error instanceof SyntaxError) {
        throw new BuiltinError(`${name}: ${error.message}`);
      }
      throw error;
    }
  };
}

export function defineCategory(category: string) {
  return function builtin(name: DeclaredBuiltinName, impl: BuiltinImpl, options: BuiltinOptions = {}): BuiltinDefinition {
    const declaration = DECLARATIONS[name];
    return defineBuiltin({
      name,
      category,
      args: declaration.args,
      result: declaration.result,
      ...(declaration.variadic ? { variadic: declaration.variadic } : {}),
      ...(declaration.description ? { description: declaration.description } : {}),
      ...(declaration.nondeterministic ? { nondeterministic: true } : {}),
      ...(declaration.infix ? { infix: declaration.infix } : {}),
      impl: wrapBuiltinImpl(name, declaration.args, impl, options),
    });
  };
}
