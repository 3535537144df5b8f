import { collectionFunctions } from './collection.ts';
import { dateTimeFunctions } from './date-time.ts';
import type { TfFunction } from './define-function.ts';
import { encodingFunctions } from './encoding.ts';
import { filesystemFunctions } from './filesystem.ts';
import { hashCryptoFunctions } from './hash-crypto.ts';
import { ipNetworkFunctions } from './ip-network.ts';
import { numericFunctions } from './numeric.ts';
import { stringFunctions } from './string.ts';
import { typeConversionFunctions } from './type-conversion.ts';

/**
 * Every implemented Terraform function by name (explicit registry, one file per documentation
 * category). `try` and `can` take unevaluated expressions and live in the evaluator (call-function.ts).
 */
export const FUNCTIONS: ReadonlyMap<string, TfFunction> = new Map(
  [
    ...numericFunctions,
    ...stringFunctions,
    ...collectionFunctions,
    ...encodingFunctions,
    ...filesystemFunctions,
    ...dateTimeFunctions,
    ...hashCryptoFunctions,
    ...ipNetworkFunctions,
    ...typeConversionFunctions,
  ].map((f) => [f.name, f]),
);

/** Functions evaluated specially by the evaluator (their arguments are expressions, not values). */
export const SPECIAL_FUNCTIONS: ReadonlySet<string> = new Set(['try', 'can']);
