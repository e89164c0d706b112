// `qcase doctor` against the local HTTPS QRadar (and a proxy): each check passing and failing.
import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startConnectProxy } from '../support/connect-proxy.js';
import { json, startFakeQRadar } from '../support/fake-qradar.js';
import { SAMPLES, sampleText } from '../support/fixtures.js';
import { runQcase } from '../support/run.js';
import { useConsole } from '../support/console.js';

const console_ = useConsole();

const env = console_.env;
const doctor = (args: string[] = [], extra: Record<string, string | undefined> = {}, cwd?: string) =>
  runQcase(['doctor', ...args], { env: env(extra), ...(cwd ? { cwd } : {}) });
const line = (stdout: string, name: string) => stdout.split('\n').find((l) => l.slice(6).startsWith(`${name}:`)) ?? '';

describe('qcase doctor', () => {
  it('passes every check on a healthy set-up, saying where each setting came from', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'qcase-'));
    writeFileSync(path.join(dir, '.env'), `QRADAR_HOST=${console_.server.url}\n`);
    const r = await doctor([], { QRADAR_HOST: undefined }, dir);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.map((l) => l.slice(0, 4))).toEqual(['ok  ', 'ok  ', 'ok  ', 'ok  ', 'ok  ', 'ok  ']);
    expect(line(r.stdout, 'configuration')).toMatch(/console https:\/\/127\.0\.0\.1:\d+\/api \(QRADAR_HOST in \.env\), token \(QRADAR_SEC_TOKEN\), CA bundle .*Test Root CA\.crt \(QRADAR_CA_BUNDLE\), API version none: the newest, request timeout 30s \(default\)/);
    expect(line(r.stdout, 'network')).toMatch(/127\.0\.0\.1 \(127\.0\.0\.1\) accepts connections on port \d+/);
    expect(line(r.stdout, 'TLS')).toMatch(/the certificate verifies \(TLSv1\.3\): subject CN=server, issuer CN=Test Root CA, names IP Address:127\.0\.0\.1 DNS:localhost/);
    expect(line(r.stdout, 'token')).toBe('ok    token: accepted; QRadar 7.5.0 UpdatePackage 2 (build 2021.6.2.20220324123607)');
    expect(line(r.stdout, 'API versions')).toMatch(/newest served is 20\.0; none is set/);
    expect(line(r.stdout, 'forensics')).toMatch(/answers/);
    expect(r.stdout).not.toContain(console_.server.token);
  });

  it('fails configuration with exit 2 when no console is set, and skips the rest', async () => {
    const r = await doctor([], { QRADAR_HOST: undefined }, mkdtempSync(path.join(tmpdir(), 'qcase-')));
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/^FAIL {2}configuration: no console: QRADAR_HOST is not set\n {6}fix: export QRADAR_HOST=/);
    expect(r.stdout.match(/^skip /gm)).toHaveLength(5);
  });

  it('fails TLS for an untrusted certificate, showing it and suggesting --ca-file', async () => {
    const r = await doctor([], { QRADAR_CA_BUNDLE: undefined });
    expect(r.code).toBe(1);
    expect(line(r.stdout, 'TLS')).toMatch(/^FAIL {2}TLS: the certificate is not trusted \(UNABLE_TO_VERIFY_LEAF_SIGNATURE\): subject CN=server, issuer CN=Test Root CA, names IP Address:127\.0\.0\.1 DNS:localhost, valid until/);
    expect(r.stdout).toMatch(/fix: pass the CA that issued it, with its chain, as --ca-file <pem> or QRADAR_CA_BUNDLE/);
    expect(line(r.stdout, 'token')).toMatch(/^skip/);
  });

  it('fails TLS for a certificate issued for another name', async () => {
    const wrong = await startFakeQRadar(console_.certs.wrongName);
    try {
      const r = await runQcase(['doctor'], { env: env({ QRADAR_HOST: wrong.url }) });
      expect(r.code).toBe(1);
      expect(line(r.stdout, 'TLS')).toMatch(/FAIL {2}TLS: the certificate is not for 127\.0\.0\.1: .*names DNS:localhost\.localdomain/);
    } finally {
      await wrong.close();
    }
  });

  it('shows a self-signed certificate as such', async () => {
    const self = await startFakeQRadar(console_.certs.selfSigned);
    try {
      const r = await runQcase(['doctor'], { env: env({ QRADAR_HOST: self.url }) });
      expect(line(r.stdout, 'TLS')).toMatch(/\(DEPTH_ZERO_SELF_SIGNED_CERT\).*\(self-signed\)/);
      expect(r.stdout).toMatch(/for a self-signed certificate, the certificate itself/);
    } finally {
      await self.close();
    }
  });

  it('fails the token check with exit 4 when the console rejects it', async () => {
    const r = await doctor([], { QRADAR_SEC_TOKEN: 'rejected-token' });
    expect(r.code).toBe(4);
    expect(line(r.stdout, 'token')).toMatch(/^FAIL {2}token: the console rejected the token \(401, code 18\)/);
    expect(line(r.stdout, 'forensics')).toMatch(/^skip/);
    expect(r.stdout + r.stderr).not.toContain('rejected-token');
  });

  it('warns about a deprecated API version and fails one the console does not serve', async () => {
    const deprecated = await doctor(['--api-version', '19.0']);
    expect(deprecated.code).toBe(0);
    expect(line(deprecated.stdout, 'API versions')).toBe('warn  API versions: 19.0 works but is deprecated (newest 20.0)');
    const unknown = await doctor(['--api-version', '12.0']);
    expect(unknown.code).toBe(1);
    expect(line(unknown.stdout, 'API versions')).toMatch(/^FAIL {2}API versions: 12\.0 is not one the console serves \(newest 20\.0\)/);
  });

  it('fails the forensics check with exit 3 where Incident Forensics is not installed', async () => {
    const bare = await startFakeQRadar(console_.certs.server);
    try {
      bare.on('GET', '/api/forensics/case_management/cases', json(JSON.parse(sampleText(SAMPLES.unknownEndpoint).replace('{uri}', 'forensics/case_management/cases')), 404));
      const r = await runQcase(['doctor'], { env: env({ QRADAR_HOST: bare.url, QRADAR_SEC_TOKEN: bare.token }) });
      expect(r.code).toBe(3);
      expect(line(r.stdout, 'forensics')).toMatch(/^FAIL {2}forensics: \/api\/forensics\/case_management\/cases: the console does not know this endpoint \(404, code 4\)/);
      expect(r.stdout).toMatch(/fix: check QRADAR_HOST points at the console, that QRadar Incident Forensics is installed/);
    } finally {
      await bare.close();
    }
  });

  it('fails the network check with exit 1 when nothing listens', async () => {
    const r = await doctor([], { QRADAR_HOST: 'https://127.0.0.1:9' });
    expect(r.code).toBe(1);
    expect(line(r.stdout, 'network')).toBe('FAIL  network: 127.0.0.1:9: connection refused (ECONNREFUSED)');
  });

  it('checks through a proxy, tunnelling TLS to the console', async () => {
    const proxy = await startConnectProxy();
    try {
      const r = await doctor([], { HTTPS_PROXY: proxy.url });
      expect(r.code).toBe(0);
      expect(line(r.stdout, 'configuration')).toMatch(/proxy http:\/\/127\.0\.0\.1:\d+ \(HTTPS_PROXY\)/);
      expect(line(r.stdout, 'network')).toMatch(/the proxy http:\/\/127\.0\.0\.1:\d+ accepts connections/);
      expect(line(r.stdout, 'TLS')).toMatch(/^ok {4}TLS: the certificate verifies/);
      expect(proxy.connects.length).toBeGreaterThanOrEqual(2);
    } finally {
      await proxy.close();
    }
  });

  it('warns that --insecure is not needed when the certificate would verify', async () => {
    const r = await doctor(['--insecure']);
    expect(r.code).toBe(0);
    expect(line(r.stdout, 'TLS')).toMatch(/^warn {2}TLS: verification is off; the certificate would verify/);
    expect(r.stderr).toMatch(/warning: TLS verification is off/);
  });
});
