import { describe, expect, it } from '@jest/globals';
import { describeError, reportLines } from '../../src/cli/report.js';
import { toApiError } from '../../src/api/response.js';
import { NetworkError, TimeoutError, TlsError, UnexpectedResponseError } from '../../src/api/errors.js';
import { UsageError } from '../../src/errors.js';
import { SAMPLES, sampleText, taskNotFoundBody } from '../support/fixtures.js';

const fromSample = (status: number, name: string) => toApiError(status, '', 'p', { 'content-type': 'application/json' }, sampleText(name));

describe('describeError', () => {
  it.each([
    ['a usage error', new UsageError('bad', 'fix'), 2, /bad/],
    ['401', fromSample(401, SAMPLES.unauthorized), 4, /rejected the token \(401, code 18\)/],
    ['403', fromSample(403, SAMPLES.forbidden), 4, /may not do this \(403, code 26\)/],
    ['404 code 1002', toApiError(404, '', 'p', {}, JSON.stringify(taskNotFoundBody())), 3, /task 42 not found \(404, code 1002\): No case create task/],
    ['422 code 30', fromSample(422, SAMPLES.unknownField), 1, /refused a field/],
    ['500 code 1020', fromSample(500, SAMPLES.serverError), 1, /console failed \(500, code 1020\)/],
    ['a proxy 502 page', toApiError(502, 'Bad Gateway', 'p', { 'content-type': 'text/html' }, '<html/>'), 1, /502\): Bad Gateway \(a text\/html page/],
    ['a TLS failure', new TlsError('SELF_SIGNED_CERT_IN_CHAIN', 'h:443', ''), 1, /not trusted/],
    ['a timeout', new TimeoutError('h:443', 30_000), 1, /no answer from h:443 within 30s/],
    ['a refused connection', new NetworkError('ECONNREFUSED', 'h:443', ''), 1, /connection refused/],
    ['an HTML page with 200', new UnexpectedResponseError(200, 'text/html', 'not-json', '<html>'), 1, /expected QRadar's JSON but got text\/html/],
  ])('%s', (_name, error, code, message) => {
    const report = describeError(error, 'task 42');
    expect(report.exitCode).toBe(code);
    expect(report.message).toMatch(message);
    const lines = reportLines(report).trimEnd().split('\n');
    expect(lines.length).toBeLessThanOrEqual(2);
  });

  it('names --ca-file and QRADAR_CA_BUNDLE for an untrusted certificate', () => {
    expect(describeError(new TlsError('UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'h', '')).hint).toMatch(/--ca-file.*QRADAR_CA_BUNDLE/);
  });

  it('says how to set the token on a 401', () => {
    expect(describeError(fromSample(401, SAMPLES.unauthorized)).hint).toMatch(/QRADAR_SEC_TOKEN/);
  });
});
