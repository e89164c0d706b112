// Typed failures of the QRadar API. They carry facts (status, QRadar's code and message), never
// presentation: src/cli/report.ts turns them into one-line messages, hints and exit codes.

/** The console answered with an HTTP error status; QRadar's error body is parsed when it is JSON. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly statusText: string,
    readonly path: string,
    readonly qradarCode: number | undefined,
    readonly qradarMessage: string | undefined,
    /** Set when the body was not QRadar's JSON (a proxy's HTML page, say). */
    readonly contentType: string | undefined,
    /** From a Retry-After header, in milliseconds. */
    readonly retryAfterMs: number | undefined,
  ) {
    super(`HTTP ${status}${qradarCode === undefined ? '' : ` code ${qradarCode}`}: ${qradarMessage ?? statusText}`);
  }

  /** True when the body was QRadar's own error JSON rather than a proxy page. */
  get fromQRadar(): boolean {
    return this.qradarCode !== undefined || this.qradarMessage !== undefined;
  }
}

/** The connection failed or dropped: refused, reset, unknown host. */
export class NetworkError extends Error {
  override readonly name = 'NetworkError';
  constructor(
    readonly code: string,
    readonly host: string,
    detail: string,
    /** The proxy tunnelled through, credentials hidden. */
    readonly proxy?: string | undefined,
  ) {
    super(detail);
  }
}

/** No complete answer within the request timeout. */
export class TimeoutError extends Error {
  override readonly name = 'TimeoutError';
  constructor(
    readonly host: string,
    readonly timeoutMs: number,
  ) {
    super(`no answer within ${timeoutMs} ms`);
  }
}

/** The console's certificate did not verify. */
export class TlsError extends Error {
  override readonly name = 'TlsError';
  constructor(
    readonly code: string,
    readonly host: string,
    detail: string,
  ) {
    super(detail);
  }

  get hostnameMismatch(): boolean {
    return this.code === 'ERR_TLS_CERT_ALTNAME_INVALID';
  }
}

/** A 2xx answer whose body is not the JSON object expected (an HTML page, a truncated body). */
export class UnexpectedResponseError extends Error {
  override readonly name = 'UnexpectedResponseError';
  constructor(
    readonly status: number,
    readonly contentType: string | undefined,
    readonly reason: 'not-json' | 'truncated' | 'not-object',
    readonly bodyStart: string,
  ) {
    super(`unexpected ${reason} body with status ${status}`);
  }
}

/** Any failure the API module reports. */
export type ClientError = ApiError | NetworkError | TimeoutError | TlsError | UnexpectedResponseError;

/** Whether a fault may pass by itself, so a GET may be sent again: network, timeout, 429, 5xx. */
export function isTransient(error: unknown): boolean {
  if (error instanceof NetworkError || error instanceof TimeoutError) return true;
  if (error instanceof ApiError) return error.status === 429 || error.status >= 500;
  return false;
}

/** A rejected or under-privileged token: never worth sending again. */
export function isAuthFailure(error: unknown): error is ApiError {
  return error instanceof ApiError && (error.status === 401 || error.status === 403);
}
