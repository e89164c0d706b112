import { describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { requireConnection, resolveSettings, type ConnectionFlags } from '../../src/config/config.js';
import { normaliseHost } from '../../src/config/host.js';
import { parseDuration } from '../../src/config/duration.js';
import { UsageError } from '../../src/errors.js';

function dirWith(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'qcase-config-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

const resolve = (flags: ConnectionFlags, env: Record<string, string | undefined>, cwd = dirWith(), stdin = '') =>
  resolveSettings(flags, { env, cwd, readStdin: async () => stdin });

describe('configuration precedence', () => {
  it('takes the flag over the environment over .env', async () => {
    const cwd = dirWith({ '.env': 'QRADAR_HOST=from-dotenv\nQRADAR_SEC_TOKEN=dotenv-token\n' });
    const all = await resolve({ host: 'from-flag' }, { QRADAR_HOST: 'from-env' }, cwd);
    expect(all.host).toEqual({ value: 'https://from-flag/api', origin: 'flag', source: '--host' });
    const envOnly = await resolve({}, { QRADAR_HOST: 'from-env' }, cwd);
    expect(envOnly.host).toMatchObject({ value: 'https://from-env/api', origin: 'environment' });
    const fileOnly = await resolve({}, {}, cwd);
    expect(fileOnly.host).toMatchObject({ value: 'https://from-dotenv/api', origin: '.env' });
    expect(fileOnly.token).toMatchObject({ value: 'dotenv-token', origin: '.env' });
  });

  it('reads .env with comments, quotes and blank lines', async () => {
    const cwd = dirWith({ '.env': '# the console\n\nQRADAR_HOST="quoted.example.org"\nQRADAR_API_VERSION=\'26.0\' # pinned\n' });
    const settings = await resolve({}, {}, cwd);
    expect(settings.host?.value).toBe('https://quoted.example.org/api');
    expect(settings.apiVersion?.value).toBe('26.0');
  });

  it('never lets .env override a variable that is already set', async () => {
    const cwd = dirWith({ '.env': 'QRADAR_SEC_TOKEN=file-token\n' });
    const settings = await resolve({}, { QRADAR_SEC_TOKEN: 'env-token' }, cwd);
    expect(settings.token).toMatchObject({ value: 'env-token', origin: 'environment' });
  });

  it('reads QRADAR_SEC_TOKEN, then QRADAR_API_TOKEN, then QRADAR_TOKEN_FILE', async () => {
    const cwd = dirWith({ 'token.txt': '  file-token\n' });
    expect((await resolve({}, { QRADAR_SEC_TOKEN: 'a', QRADAR_API_TOKEN: 'b', QRADAR_TOKEN_FILE: 'token.txt' }, cwd)).token?.value).toBe('a');
    expect((await resolve({}, { QRADAR_API_TOKEN: 'b', QRADAR_TOKEN_FILE: 'token.txt' }, cwd)).token?.value).toBe('b');
    expect((await resolve({}, { QRADAR_TOKEN_FILE: 'token.txt' }, cwd)).token?.value).toBe('file-token');
  });

  it('takes --token-file over every variable, and - reads stdin', async () => {
    const cwd = dirWith({ 'token.txt': 'flag-file-token\n' });
    expect((await resolve({ tokenFile: 'token.txt' }, { QRADAR_SEC_TOKEN: 'env' }, cwd)).token?.value).toBe('flag-file-token');
    expect((await resolve({ tokenFile: '-' }, { QRADAR_SEC_TOKEN: 'env' }, cwd, 'stdin-token\n')).token).toMatchObject({ value: 'stdin-token', origin: 'flag' });
  });

  it('fails with exit-2 errors that name the variable to set when host or token is missing', async () => {
    const noHost = await resolve({}, { QRADAR_SEC_TOKEN: 't' });
    expect(() => requireConnection(noHost)).toThrow(expect.objectContaining({ name: 'UsageError', hint: expect.stringContaining('QRADAR_HOST') }));
    const noToken = await resolve({}, { QRADAR_HOST: 'h' });
    expect(() => requireConnection(noToken)).toThrow(expect.objectContaining({ hint: expect.stringContaining('QRADAR_SEC_TOKEN') }));
  });

  it('rejects an unreadable token file or CA bundle without printing the token', async () => {
    await expect(resolve({ tokenFile: 'missing.txt' }, {})).rejects.toThrow(/cannot read token file missing.txt: no such file/);
    const cwd = dirWith({ 'bad.pem': 'not a certificate' });
    await expect(resolve({ caFile: 'bad.pem' }, {}, cwd)).rejects.toThrow(/holds no PEM certificate/);
    const spaced = resolve({}, { QRADAR_SEC_TOKEN: 'secret value' });
    await expect(spaced).rejects.toThrow(UsageError);
    await expect(spaced).rejects.not.toThrow(/secret/);
  });

  it('reports an unreadable .env as a usage error', async () => {
    const cwd = dirWith();
    mkdirSync(path.join(cwd, '.env')); // a directory: unreadable as a file, even for root
    await expect(resolve({}, {}, cwd)).rejects.toThrow(/cannot read .*\.env: EISDIR/);
  });

  it('reads insecure, API version and request timeout', async () => {
    const settings = await resolve({}, { QRADAR_INSECURE: '1', QRADAR_API_VERSION: '26.0', QRADAR_REQUEST_TIMEOUT: '5s' });
    expect(settings.insecure.value).toBe(true);
    expect(settings.apiVersion?.value).toBe('26.0');
    expect(settings.requestTimeoutMs.value).toBe(5000);
    const defaults = await resolve({}, {});
    expect(defaults.insecure).toMatchObject({ value: false, origin: 'default' });
    expect(defaults.requestTimeoutMs.value).toBe(30_000);
    await expect(resolve({ apiVersion: 'latest' }, {})).rejects.toThrow(/invalid API version/);
    await expect(resolve({ requestTimeout: '0' }, {})).rejects.toThrow(/more than 0/);
  });
});

describe('normaliseHost', () => {
  it.each([
    ['console.example.org', 'https://console.example.org/api'],
    ['console.example.org:8443', 'https://console.example.org:8443/api'],
    ['https://console.example.org', 'https://console.example.org/api'],
    ['https://console.example.org:8443/', 'https://console.example.org:8443/api'],
    ['https://console.example.org/api', 'https://console.example.org/api'],
    ['https://gw.example.org/qradar/api/', 'https://gw.example.org/qradar/api'],
    ['10.0.0.5', 'https://10.0.0.5/api'],
  ])('%s -> %s', (input, expected) => {
    expect(normaliseHost(input, 'QRADAR_HOST')).toBe(expected);
  });

  it.each(['http://console', 'https://user:pw@console', 'https://console/?x=1', '', 'https://'])('rejects %p', (input) => {
    expect(() => normaliseHost(input, 'QRADAR_HOST')).toThrow(UsageError);
  });
});

describe('parseDuration', () => {
  it.each([
    ['500ms', 500],
    ['3s', 3000],
    ['5m', 300_000],
    ['1h', 3_600_000],
    ['10', 10_000],
    ['0', 0],
    ['1.5s', 1500],
  ])('%s is %d ms', (text, ms) => {
    expect(parseDuration(text, '--interval')).toBe(ms);
  });

  it.each(['', 'soon', '5 minutes', '-1s', '3d'])('rejects %p naming the flag', (text) => {
    expect(() => parseDuration(text, '--timeout')).toThrow(/--timeout/);
  });
});
