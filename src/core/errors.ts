// Errors that carry a message key: core code throws them, the entrypoints show their text
// in the user's language. Anything else reaching the user is an unexpected failure.

import type { MessageKey, MessageParams } from './messages';

export class ProzvonError extends Error {
  readonly code: MessageKey;
  readonly params: MessageParams;

  constructor(code: MessageKey, params: MessageParams = {}) {
    super(code);
    this.name = 'ProzvonError';
    this.code = code;
    this.params = params;
  }
}

export function isProzvonError(error: unknown): error is ProzvonError {
  return error instanceof ProzvonError;
}
