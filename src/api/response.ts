// Turning raw answers into results or typed errors. Pure: no network, so each rule is unit-tested.
import { ApiError, UnexpectedResponseError } from './errors.js';

/** A QRadar JSON object as received: `raw` is the exact text (for --json), `data` its parse. */
export interface ApiObject {
  raw: string;
  data: Record<string, unknown>;
}

/** The parsed value of a JSON answer that may be an array (help/versions) or an object. */
export interface ApiValue {
  raw: string;
  data: unknown;
}

const isJsonType = (contentType: string | undefined): boolean => /\bjson\b/i.test(contentType ?? '');

function firstBytes(body: string): string {
  return body.replace(/\s+/g, ' ').trim().slice(0, 60);
}

/** Parse a 2xx body, which must be JSON; anything else (HTML, a cut-off body) is an error. */
export function parseJsonBody(status: number, contentType: string | undefined, body: string): ApiValue {
  const text = body.trim();
  try {
    return { raw: text, data: JSON.parse(text) as unknown };
  } catch {
    const looksLikeJson = isJsonType(contentType) || /^[[{]/.test(text);
    throw new UnexpectedResponseError(status, contentType, looksLikeJson ? 'truncated' : 'not-json', firstBytes(body));
  }
}

/** Parse a 2xx body that must be one JSON object (a task, the about record). */
export function parseObjectBody(status: number, contentType: string | undefined, body: string): ApiObject {
  const value = parseJsonBody(status, contentType, body);
  const data = value.data;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new UnexpectedResponseError(status, contentType, 'not-object', firstBytes(body));
  }
  return { raw: value.raw, data: data as Record<string, unknown> };
}

/** Retry-After as milliseconds: delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** QRadar's error body `{http_response, code, message, ...}` (or anything else) as an ApiError. */
export function toApiError(
  status: number,
  statusText: string,
  path: string,
  headers: Record<string, string | string[] | undefined>,
  body: string,
): ApiError {
  const contentType = headerValue(headers['content-type']);
  const retryAfterMs = parseRetryAfter(headerValue(headers['retry-after']));
  let code: number | undefined;
  let message: string | undefined;
  try {
    const parsed = JSON.parse(body) as unknown;
    if (parsed && typeof parsed === 'object') {
      const record = parsed as Record<string, unknown>;
      if (typeof record.code === 'number') code = record.code;
      if (typeof record.message === 'string' && record.message.trim() !== '') message = record.message.trim();
    }
  } catch {
    // Not QRadar's JSON: a proxy or load balancer page. The status alone tells what happened.
  }
  const isQRadarBody = code !== undefined || message !== undefined;
  return new ApiError(status, statusText, path, code, message, isQRadarBody ? undefined : contentType, retryAfterMs);
}

/** A header's single value. */
export function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
