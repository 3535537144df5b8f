import { LlmError } from './llm-error.ts';

/** A model reply that cannot be used: no JSON where JSON was asked for, or JSON that fails its zod schema. */
export class InvalidResponseError extends LlmError {
  readonly text: string;
  constructor(message: string, text: string) {
    super(message);
    this.name = 'InvalidResponseError';
    this.text = text;
  }
}
