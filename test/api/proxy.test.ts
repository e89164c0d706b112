// The client through a local CONNECT proxy: the TLS session to the console stays end to end.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { createClient } from '../../src/api/client.js';
import { redactProxy } from '../../src/api/agent.js';
import { describeError } from '../../src/cli/report.js';
import { makeCerts, type TestCerts } from '../support/certs.js';
import { startConnectProxy, type ConnectProxy } from '../support/connect-proxy.js';
import { json, startFakeQRadar, type FakeQRadar } from '../support/fake-qradar.js';
import { aTask } from '../support/fixtures.js';

let certs: TestCerts;
let server: FakeQRadar;
let proxy: ConnectProxy;

beforeAll(async () => {
  certs = makeCerts();
  server = await startFakeQRadar(certs.server);
  proxy = await startConnectProxy({ credentials: 'alice:s3cret' });
  server.task(42, json(aTask()));
});
afterAll(async () => {
  await proxy.close();
  await server.close();
});

const client = (proxyUrl: string) =>
  createClient({ baseUrl: `${server.url}/api`, token: server.token, ca: readFileSync(certs.caPath, 'utf8'), timeoutMs: 2000, retries: 0, proxy: proxyUrl });

describe('through a CONNECT proxy', () => {
  it('tunnels to the console, reusing one tunnel, and the proxy never sees the token', async () => {
    const before = proxy.connects.length;
    const c = await client(`http://alice:s3cret@${proxy.url.slice('http://'.length)}`);
    for (let i = 0; i < 5; i += 1) expect((await c.getTask('42')).data.id).toBe(42);
    c.close();
    const tunnels = proxy.connects.slice(before);
    expect(tunnels.map((t) => t.target)).toEqual([server.hostPort]);
    expect(JSON.stringify(tunnels)).not.toContain(server.token);
    expect(server.count('/api/forensics/case_management/case_create_tasks/42')).toBeGreaterThanOrEqual(5);
  });

  it('reports a proxy that refuses the tunnel, naming the proxy without its password', async () => {
    const c = await client(`http://alice:wrong@${proxy.url.slice('http://'.length)}`);
    const error = await c.getTask('42').catch((e: unknown) => e);
    c.close();
    expect(error).toMatchObject({ name: 'NetworkError', code: 'EPROXY' });
    const report = describeError(error, 'task 42');
    expect(report.message).toMatch(/through the proxy http:\/\/alice:\*\*\*\*@127\.0\.0\.1:\d+: the proxy answered 407 to CONNECT/);
    expect(report.message).not.toContain('wrong');
    expect(report.exitCode).toBe(1);
  });

  it('hides a proxy password when printing its URL', () => {
    expect(redactProxy('http://bob:pw@proxy.example.org:3128/')).toBe('http://bob:****@proxy.example.org:3128');
    expect(redactProxy('http://proxy.example.org:3128')).toBe('http://proxy.example.org:3128');
  });
});
