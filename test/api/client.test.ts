// The client against a real HTTPS server on 127.0.0.1 answering as QRadar does.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { createClient, type ClientOptions, type QRadarClient } from '../../src/api/client.js';
import { ApiError, NetworkError, TimeoutError, TlsError, UnexpectedResponseError } from '../../src/api/errors.js';
import { makeCerts, type TestCerts } from '../support/certs.js';
import { json, startFakeQRadar, TASK_PATH, type FakeQRadar } from '../support/fake-qradar.js';
import { aTask, sample, SAMPLES } from '../support/fixtures.js';

let certs: TestCerts;
let server: FakeQRadar;
const clients: QRadarClient[] = [];

beforeAll(async () => {
  certs = makeCerts();
  server = await startFakeQRadar(certs.server);
});
afterAll(() => server.close());
afterEach(() => {
  while (clients.length) clients.pop()!.close();
  server.requests.length = 0;
});

async function client(overrides: Partial<ClientOptions> = {}, target: FakeQRadar = server): Promise<QRadarClient> {
  const c = await createClient({
    baseUrl: `${target.url}/api`,
    token: target.token,
    ca: readFileSync(certs.caPath, 'utf8'),
    timeoutMs: 2000,
    retries: 2,
    retryBaseMs: 10,
    ...overrides,
  });
  clients.push(c);
  return c;
}

const taskPath = (id: number) => `${TASK_PATH}${id}`;

describe('requests', () => {
  it('sends the SEC header, Accept, fields and no Version unless set', async () => {
    server.task(1, json(aTask({ id: 1 })));
    const task = await (await client()).getTask('1', { fields: 'id,status' });
    expect(task.data).toMatchObject({ id: 1, status: 'WAITING' });
    const [request] = server.requests;
    expect(request).toMatchObject({ method: 'GET', path: taskPath(1) });
    expect(request!.headers.sec).toBe(server.token);
    expect(request!.headers.accept).toBe('application/json');
    expect(request!.headers.version).toBeUndefined();
    expect(request!.query.get('fields')).toBe('id,status');
  });

  it('sends the Version header when an API version is set, and reports a Deprecated header once', async () => {
    server.task(2, json(aTask({ id: 2 }), 200, { Deprecated: 'Version 19.0 is deprecated' }));
    const notices: string[] = [];
    const c = await client({ apiVersion: '19.0', onDeprecated: (n) => notices.push(n) });
    await c.getTask('2');
    await c.getTask('2');
    expect(server.requests[0]!.headers.version).toBe('19.0');
    expect(notices).toEqual(['Version 19.0 is deprecated']);
  });

  it('logs requests with the token redacted when debugging', async () => {
    server.task(3, json(aTask({ id: 3 })));
    const lines: string[] = [];
    await (await client({ log: (l) => lines.push(l) })).getTask('3');
    expect(lines.join('\n')).toMatch(/> GET https:\/\/127\.0\.0\.1:\d+\/api\/forensics.*sec: \[redacted\]/);
    expect(lines.join('\n')).toMatch(/< 200 OK/);
    expect(lines.join('\n')).not.toContain(server.token);
  });
});

describe('QRadar errors become typed errors, never retried', () => {
  it.each([
    [401, SAMPLES.unauthorized, 18],
    [403, SAMPLES.forbidden, 26],
    [422, SAMPLES.unknownField, 30],
  ])('%d (code %d) is sent once', async (status, name, code) => {
    server.task(10, json(sample(name), status));
    const error = await (await client()).getTask('10').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status, qradarCode: code });
    expect(server.count(taskPath(10))).toBe(1);
  });

  it('a wrong token gets QRadar\'s 401 code 18, sent once', async () => {
    const error = await (await client({ token: 'wrong-token' })).getTask('11').catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 401, qradarCode: 18 });
    expect(server.count(taskPath(11))).toBe(1);
  });

  it('404 code 1002 for an unknown task is sent once', async () => {
    const error = await (await client()).getTask('12').catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 404, qradarCode: 1002, qradarMessage: 'No case create task was found for the provided ID' });
    expect(server.count(taskPath(12))).toBe(1);
  });

  it('a rejected token is sent exactly once however many tasks are asked for', async () => {
    const c = await client({ token: 'wrong-token' });
    const results = await Promise.allSettled([1, 2, 3, 4, 5].map((id) => c.getTask(String(100 + id))));
    expect(results.every((r) => r.status === 'rejected' && (r.reason as ApiError).status === 401)).toBe(true);
    expect(server.requests).toHaveLength(1);
  });
});

describe('transient faults are retried at most twice for a GET', () => {
  it('500 code 1020 three times: three requests, then the error', async () => {
    server.task(20, json(sample(SAMPLES.serverError), 500));
    const error = await (await client()).getTask('20').catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 500, qradarCode: 1020 });
    expect(server.count(taskPath(20))).toBe(3);
  });

  it('503 then recovery: two requests, then the task', async () => {
    server.task(21, json({ http_response: { code: 503, message: 'Service Unavailable' }, code: 1010, message: 'busy' }, 503), json(aTask({ id: 21 })));
    const task = await (await client()).getTask('21');
    expect(task.data.id).toBe(21);
    expect(server.count(taskPath(21))).toBe(2);
  });

  it('429 with Retry-After waits as asked', async () => {
    server.task(22, json({ message: 'slow down' }, 429, { 'Retry-After': '1' }), json(aTask({ id: 22 })));
    const started = Date.now();
    await (await client()).getTask('22');
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(server.count(taskPath(22))).toBe(2);
  });

  it('a dropped connection is retried', async () => {
    server.task(23, { drop: true }, json(aTask({ id: 23 })));
    const task = await (await client()).getTask('23');
    expect(task.data.id).toBe(23);
    expect(server.count(taskPath(23))).toBe(2);
  });

  it('a dropped connection every time ends as a NetworkError after three tries', async () => {
    server.task(24, { drop: true });
    const error = await (await client()).getTask('24').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(server.count(taskPath(24))).toBe(3);
  });

  it('a server that never answers ends as a TimeoutError per try', async () => {
    server.task(25, { hang: true });
    const started = Date.now();
    const error = await (await client({ timeoutMs: 200, retries: 1 })).getTask('25').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(server.count(taskPath(25))).toBe(2);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('a proxy\'s 502 HTML page is retried and reported without QRadar\'s code', async () => {
    server.task(26, { status: 502, body: '<html><h1>502 Bad Gateway</h1></html>' });
    const error = await (await client({ retries: 1 })).getTask('26').catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 502, fromQRadar: false, contentType: 'text/html;charset=UTF-8' });
    expect(server.count(taskPath(26))).toBe(2);
  });

  it('a POST is never retried', async () => {
    server.on('POST', '/api/forensics/case_management/cases', json(sample(SAMPLES.serverError), 500));
    await expect((await client()).createCase('Case1', [])).rejects.toMatchObject({ status: 500 });
    expect(server.count('/api/forensics/case_management/cases')).toBe(1);
  });
});

describe('bodies that are not the JSON expected fail at once', () => {
  it('HTML with status 200 (a wrong base URL)', async () => {
    server.task(30, { status: 200, body: '<html><body>Application error</body></html>' });
    const error = await (await client()).getTask('30').catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'UnexpectedResponseError', reason: 'not-json', status: 200 });
    expect(server.count(taskPath(30))).toBe(1);
  });

  it('truncated JSON with a complete HTTP frame', async () => {
    server.task(31, { status: 200, body: '{"id": 31, "sta', headers: { 'content-type': 'application/json' } });
    const error = await (await client()).getTask('31').catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: 'truncated' });
    expect(server.count(taskPath(31))).toBe(1);
  });

  it('a body cut off by a dropped connection', async () => {
    server.task(32, { truncate: '{"id": 32, "status": "WAI' });
    const error = await (await client()).getTask('32').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect(error).toMatchObject({ reason: 'truncated' });
    expect(server.count(taskPath(32))).toBe(1);
  });
});

describe('TLS', () => {
  it('refuses a certificate from an untrusted CA, naming the verification code', async () => {
    server.task(40, json(aTask()));
    const error = await (await client({ ca: undefined })).getTask('40').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TlsError);
    expect((error as TlsError).code).toMatch(/UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED|UNABLE_TO_GET_ISSUER/);
    expect(server.count(taskPath(40))).toBe(0);
  });

  it('connects to it with --insecure', async () => {
    server.task(41, json(aTask({ id: 41 })));
    expect((await (await client({ ca: undefined, insecure: true })).getTask('41')).data.id).toBe(41);
  });

  it('trusts a self-signed certificate given as the CA file', async () => {
    const selfSigned = await startFakeQRadar(certs.selfSigned);
    try {
      selfSigned.task(42, json(aTask()));
      expect((await (await client({ ca: certs.selfSigned.cert }, selfSigned)).getTask('42')).data.id).toBe(42);
      await expect((await client({}, selfSigned)).getTask('42')).rejects.toBeInstanceOf(TlsError);
    } finally {
      await selfSigned.close();
    }
  });

  it('verifies through an intermediate when the CA file holds the chain', async () => {
    const chained = await startFakeQRadar(certs.chained);
    try {
      chained.task(43, json(aTask({ id: 43 })));
      expect((await (await client({ ca: readFileSync(certs.chained.chainPath, 'utf8') }, chained)).getTask('43')).data.id).toBe(43);
      await expect((await client({ ca: readFileSync(certs.chained.rootOnlyPath, 'utf8') }, chained)).getTask('43')).rejects.toBeInstanceOf(TlsError);
    } finally {
      await chained.close();
    }
  });

  it('refuses a certificate issued for another name', async () => {
    const wrong = await startFakeQRadar(certs.wrongName);
    try {
      const error = await (await client({}, wrong)).getTask('44').catch((e: unknown) => e);
      expect(error).toMatchObject({ name: 'TlsError', hostnameMismatch: true });
    } finally {
      await wrong.close();
    }
  });
});

describe('connections', () => {
  it('reuses kept-alive connections for many requests, at most `concurrency` at once', async () => {
    const before = server.connections();
    const c = await client({ concurrency: 4 });
    for (let id = 1; id <= 40; id += 1) server.task(500 + id, json(aTask({ id: 500 + id })));
    await Promise.all(Array.from({ length: 40 }, (_, i) => c.getTask(String(501 + i))));
    await Promise.all(Array.from({ length: 40 }, (_, i) => c.getTask(String(501 + i))));
    expect(server.connections() - before).toBeLessThanOrEqual(4);
  });

  it('reports a refused connection as a NetworkError with no URL and no token', async () => {
    const error = await (await client({ baseUrl: 'https://127.0.0.1:1/api', retries: 0 })).getTask('1').catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'NetworkError', code: 'ECONNREFUSED', host: '127.0.0.1:1' });
    expect(String((error as Error).message)).not.toContain(server.token);
  });
});
