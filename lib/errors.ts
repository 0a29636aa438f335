/**
 * The one error vocabulary of the domain. Verbs throw these; `app/` translates them
 * once (lib/http.ts for route handlers, lib/form-state.ts for forms). Anything else
 * is a bug and reaches the client only as a generic message.
 */
export class DomainError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Also used for things the viewer may not see, so that a guess cannot confirm they exist. */
export class NotFoundError extends DomainError {
  constructor(message = 'Not found.') {
    super(message, 404);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'You are not allowed to do that.') {
    super(message, 403);
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message = 'Please sign in first.') {
    super(message, 401);
  }
}

export class ConflictError extends DomainError {
  constructor(message: string) {
    super(message, 409);
  }
}

export class RateLimitedError extends DomainError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message, 429);
  }
}

export class PayloadTooLargeError extends DomainError {
  constructor(limitBytes: number) {
    super(`This request is too large: send at most ${limitBytes / 1_048_576} MB.`, 413);
  }
}

export type FieldErrors = Record<string, string[]>;

export class InvalidInputError extends DomainError {
  constructor(
    message: string,
    readonly fieldErrors: FieldErrors = {},
  ) {
    super(message, 400);
  }
}
