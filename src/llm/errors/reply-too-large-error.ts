import { LlmError } from './llm-error.ts';

/**
 * A model reply larger than the configured bound (`llm.maxReplyBytes`). Raised while the reply streams in, so an
 * oversized reply is never stored in the cache, written to the trace or sent back to the model in a repair turn.
 */
export class ReplyTooLargeError extends LlmError {
  readonly limitBytes: number;
  constructor(message: string, limitBytes: number) {
    super(message);
    this.name = 'ReplyTooLargeError';
    this.limitBytes = limitBytes;
  }
}
