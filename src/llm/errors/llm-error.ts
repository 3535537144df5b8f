import { IacpacError } from '../../core/errors.ts';

const marker = Symbol.for('iacpac.llm.error');

/**
 * Base class of every LLM-layer error (after vercel/ai's `AISDKError`): a marker symbol so `isInstance` works across
 * bundle copies. Reaching the CLI, an LLM error is a configuration/usage problem: exit 2.
 */
export class LlmError extends IacpacError {
  readonly [marker] = true;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, 2, options);
    this.name = 'LlmError';
  }

  static isInstance(error: unknown): error is LlmError {
    return typeof error === 'object' && error !== null && marker in error;
  }
}
