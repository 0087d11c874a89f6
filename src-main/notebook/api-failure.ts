import type { ApiError, ApiErrorCode } from '../shared/api';

/** An expected failure of a call, carried to the UI as a typed ApiError. */
export class ApiFailure extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: string[],
  ) {
    super(message);
    this.name = 'ApiFailure';
  }

  toApiError(): ApiError {
    return this.details ? { code: this.code, message: this.message, details: this.details } : { code: this.code, message: this.message };
  }
}

export function notFound(what: string, id: string): ApiFailure {
  return new ApiFailure('not-found', `There is no ${what} with id "${id}" in this notebook; nothing was changed. Reload the window if it was deleted elsewhere.`);
}

export function invalid(message: string): ApiFailure {
  return new ApiFailure('invalid-input', `${message} Nothing was changed.`);
}

/** A patch made for records that have changed since (elsewhere: another window or tab). */
export function conflict(record: 'note' | 'excerpt' | 'article' | 'dismissal'): ApiFailure {
  return new ApiFailure('conflict', `The ${record === 'dismissal' ? 'dismissed suggestion' : record} this step would change was changed elsewhere since (in another window or tab), so the step was skipped. Nothing was changed.`);
}
