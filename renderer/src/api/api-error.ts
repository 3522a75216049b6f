// The one error type the api client throws: the core's stable code plus the
// i18n key in details, so the UI translates instead of showing raw messages.
import type { AppErrorShape, ErrorCode, ErrorDetails, FieldIssue } from '../../../src/shared/envelope.js';

/** NETWORK is the renderer's own: the core could not be reached at all. */
export type ApiErrorCode = ErrorCode | 'NETWORK';

export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly details: ErrorDetails;

  constructor(code: ApiErrorCode, message: string, details: ErrorDetails) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.details = details;
  }

  static fromShape(shape: AppErrorShape): ApiError {
    return new ApiError(shape.code, shape.message, shape.details);
  }

  static network(message: string): ApiError {
    return new ApiError('NETWORK', message, { key: 'network' });
  }

  get issues(): FieldIssue[] {
    return this.details.issues ?? [];
  }
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError('INTERNAL', error instanceof Error ? error.message : String(error), { key: 'internal' });
}
