import { describe, expect, it } from '@jest/globals';
import { parseJsonBody, parseObjectBody, parseRetryAfter, toApiError } from '../../src/api/response.js';
import { UnexpectedResponseError, isTransient, isAuthFailure, ApiError, NetworkError, TimeoutError } from '../../src/api/errors.js';
import { SAMPLES, sampleText } from '../support/fixtures.js';

describe('parsing 2xx bodies', () => {
  it('keeps the raw text and the parsed object', () => {
    expect(parseObjectBody(200, 'application/json', ' {"id":1} \n')).toEqual({ raw: '{"id":1}', data: { id: 1 } });
  });

  it('calls an HTML page not-json and a cut JSON body truncated', () => {
    expect(() => parseObjectBody(200, 'text/html', '<html><body>Application error</body></html>')).toThrow(expect.objectContaining({ reason: 'not-json', bodyStart: expect.stringContaining('Application error') }));
    expect(() => parseObjectBody(200, 'application/json', '{"id": 42, "sta')).toThrow(expect.objectContaining({ reason: 'truncated' }));
    expect(() => parseObjectBody(200, 'application/json', '[1]')).toThrow(UnexpectedResponseError);
    expect(parseJsonBody(200, 'application/json', '[1]').data).toEqual([1]);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('2')).toBe(2000);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:10 GMT', Date.parse('Thu, 01 Jan 2026 00:00:00 GMT'))).toBe(10_000);
    expect(parseRetryAfter(undefined)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});

describe('toApiError', () => {
  it('carries QRadar\'s status, code and message', () => {
    const error = toApiError(500, 'Internal Server Error', 'p', { 'content-type': 'application/json' }, sampleText(SAMPLES.serverError));
    expect(error).toMatchObject({ status: 500, qradarCode: 1020, qradarMessage: 'Adding/updating data to Map test_aas failed', fromQRadar: true });
  });

  it('marks a proxy\'s HTML page as not from QRadar', () => {
    const error = toApiError(502, 'Bad Gateway', 'p', { 'content-type': 'text/html', 'retry-after': '3' }, '<html>bad gateway</html>');
    expect(error).toMatchObject({ status: 502, fromQRadar: false, contentType: 'text/html', retryAfterMs: 3000 });
  });
});

describe('fault classes', () => {
  it('retries network faults, timeouts, 429 and 5xx only', () => {
    const api = (status: number) => new ApiError(status, '', 'p', undefined, undefined, undefined, undefined);
    expect(isTransient(new NetworkError('ECONNRESET', 'h', ''))).toBe(true);
    expect(isTransient(new TimeoutError('h', 1))).toBe(true);
    expect([429, 500, 502, 503].every((s) => isTransient(api(s)))).toBe(true);
    expect([400, 401, 403, 404, 409, 422].some((s) => isTransient(api(s)))).toBe(false);
    expect(isTransient(new UnexpectedResponseError(200, 'text/html', 'not-json', ''))).toBe(false);
    expect(isAuthFailure(api(401)) && isAuthFailure(api(403)) && !isAuthFailure(api(404))).toBe(true);
  });
});
