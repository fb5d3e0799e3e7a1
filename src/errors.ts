// One catalogue of error codes for the whole product. Every error a client can see
// is an AppError with one of these codes; the HTTP status follows from the code,
// so the UI can show a message per code and tests can assert on codes.

export const errorCatalogue = {
  VALIDATION_FAILED: { status: 400, message: 'The request is not valid.' },
  BAD_REQUEST: { status: 400, message: 'The request cannot be processed.' },
  ORGANIZATION_REQUIRED: { status: 400, message: 'Name the organization to sign in to.' },
  UNAUTHENTICATED: { status: 401, message: 'Sign in first.' },
  INVALID_CREDENTIALS: { status: 401, message: 'The e-mail or password is wrong.' },
  FORBIDDEN: { status: 403, message: 'You may not do this.' },
  CSRF_FAILED: { status: 403, message: 'The request is missing a valid CSRF token.' },
  NOT_FOUND: { status: 404, message: 'Not found.' },
  ROUTE_NOT_FOUND: { status: 404, message: 'There is no such route.' },
  CONFLICT: { status: 409, message: 'This conflicts with existing data.' },
  REPLY_BLOCKED: { status: 422, message: 'The reply breaks the social-media policy or the network\'s limits; fix the findings first.' },
  SHARE_BLOCKED: { status: 422, message: 'The share breaks the social-media policy; fix the findings first.' },
  SHARE_REFUSED: { status: 409, message: 'The share cannot go out now: a guard rail against spam holds (caps, sharing hours, identical texts or a pause).' },
  LEADERBOARDS_OFF: { status: 403, message: 'The organization switched its advocacy leaderboards off; your own points and badges are still yours to see.' },
  ACCOUNT_CREDENTIALS_REJECTED: { status: 422, message: 'The network refused the account\'s credentials (access token or app password); check them, or make new ones, and connect again.' },
  NETWORK_UNREACHABLE: { status: 502, message: 'The network\'s server could not be reached, or failed; try again later.' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'The request body is too large.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'This content type is not supported.' },
  LOGIN_LOCKED: { status: 429, message: 'Too many failed sign-ins. Try again later.' },
  RATE_LIMITED: { status: 429, message: 'Too many requests. Try again later.' },
  SECRET_KEY_REQUIRED: { status: 503, message: 'Herd needs HERD_SECRET_KEY set to keep credentials encrypted.' },
  NOT_READY: { status: 503, message: 'Herd is not ready.' },
  INTERNAL: { status: 500, message: 'Something went wrong on our side.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof errorCatalogue;

export interface FieldProblem {
  /** Where the problem is, e.g. `body.email` or `row 4, column email`. */
  field: string;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: unknown;

  constructor(code: ErrorCode, message?: string, details?: unknown) {
    super(message ?? errorCatalogue[code].message);
    this.name = 'AppError';
    this.code = code;
    this.status = errorCatalogue[code].status;
    this.details = details;
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} was not found.`);
export const forbidden = (why?: string) => new AppError('FORBIDDEN', why);
export const conflict = (message: string, details?: unknown) => new AppError('CONFLICT', message, details);
export const invalid = (problems: FieldProblem[]) =>
  new AppError('VALIDATION_FAILED', problems.map((p) => `${p.field}: ${p.message}`).join('; '), problems);
