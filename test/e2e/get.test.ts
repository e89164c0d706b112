// Whole runs of the built binary (bin/qcase.js → dist/) against the local HTTPS QRadar.
import { beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { json } from '../support/fake-qradar.js';
import { aTask, sample, SAMPLES } from '../support/fixtures.js';
import { cleanEnv, parseJsonStream, runQcase, type RunResult } from '../support/run.js';
import { useConsole } from '../support/console.js';
import { startConnectProxy } from '../support/connect-proxy.js';

const console_ = useConsole();
const outputs: RunResult[] = [];

beforeAll(() => {
  console_.server.task(42, json(aTask({ status: 'COMPLETE' })));
  console_.server.task(43, json(aTask({ id: 43, case_name: 'Malware7', status: 'PROCESSING', assigned_to: [] })));
  console_.server.task(500, json(sample(SAMPLES.serverError), 500));
  console_.server.task(403, json(sample(SAMPLES.forbidden), 403));
  console_.server.task(44, { status: 200, body: '<html><body>Application error</body></html>' });
});

const env = console_.env;

async function qcase(args: string[], options: Parameters<typeof runQcase>[1] = {}): Promise<RunResult> {
  const result = await runQcase(args, { env: env(), ...options });
  outputs.push(result);
  return result;
}

function expectNoStackTrace(result: RunResult) {
  expect(result.stderr).not.toMatch(/\n\s+at .+\(.*:\d+:\d+\)/);
  expect(result.stderr).not.toMatch(/node:internal|Error: /);
}

describe('qcase get: formats', () => {
  it('prints a table without colour when piped', async () => {
    const r = await qcase(['get', '42']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ID\s+CASE ID\s+NAME\s+STATUS\s+ASSIGNED TO\n42\s+7\s+Phish42\s+COMPLETE\s+alice\n$/);
    expect(r.stdout).not.toContain('\u001b[');
    expect(r.stderr).toBe('');
  });

  it('colours the table with FORCE_COLOR, and not with --no-color', async () => {
    expect((await qcase(['get', '42'], { env: env({ FORCE_COLOR: '1' }) })).stdout).toContain('\u001b[32mCOMPLETE');
    expect((await qcase(['get', '42', '--no-color'], { env: env({ FORCE_COLOR: '1' }) })).stdout).not.toContain('\u001b[');
  });

  it('prints JSON exactly as QRadar sent it, one document per task in argument order', async () => {
    const r = await qcase(['get', '43', '42', '--json']);
    expect(r.code).toBe(0);
    const docs = parseJsonStream(r.stdout) as Array<Record<string, unknown>>;
    expect(docs).toEqual([aTask({ id: 43, case_name: 'Malware7', status: 'PROCESSING', assigned_to: [] }), aTask({ status: 'COMPLETE' })]);
    expect(r.stdout).toContain(JSON.stringify(aTask({ status: 'COMPLETE' }), null, 2));
  });

  it('streams JSON that jq reads, where jq is installed', async () => {
    let hasJq = true;
    try {
      execFileSync('jq', ['--version'], { stdio: 'ignore' });
    } catch {
      hasJq = false;
    }
    const r = await qcase(['get', '42', '43', '-o', 'json']);
    if (!hasJq) {
      expect(parseJsonStream(r.stdout)).toHaveLength(2);
      return;
    }
    expect(execFileSync('jq', ['-r', '.status'], { input: r.stdout }).toString()).toBe('COMPLETE\nPROCESSING\n');
  });

  it('prints one status line per task, id and status first', async () => {
    const r = await qcase(['get', '42', '43', '-o', 'status']);
    expect(r.stdout).toBe('42 COMPLETE case_id=7 name=Phish42 assigned_to=alice\n43 PROCESSING case_id=7 name=Malware7\n');
  });

  it('passes --fields to QRadar', async () => {
    const before = console_.server.requests.length;
    await qcase(['get', '42', '--fields', 'id,status']);
    expect(console_.server.requests[before]!.query.get('fields')).toBe('id,status');
  });
});

describe('qcase get: exit codes and errors', () => {
  it('exits 3 with QRadar\'s message for an unknown task', async () => {
    const r = await qcase(['get', '999']);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('qcase: task 999 not found (404, code 1002): No case create task was found for the provided ID\nhint: check the id: case create task ids come from `qcase create` or the forensics API\n');
  });

  it('exits 4 when the console rejects the token, sending it once', async () => {
    const before = console_.server.requests.length;
    const r = await qcase(['get', '42', '43', '44'], { env: env({ QRADAR_SEC_TOKEN: 'wrong-token-123' }) });
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/^qcase: the console rejected the token \(401, code 18\)/);
    expect(r.stderr).toContain('hint: set QRADAR_SEC_TOKEN');
    expect(r.stderr).not.toContain('wrong-token-123');
    expect(console_.server.requests.length - before).toBe(1);
  });

  it('exits 4 on 403', async () => {
    const r = await qcase(['get', '403']);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/may not do this \(403, code 26\): User has insufficient capabilities/);
  });

  it('exits 1 on a 500, showing QRadar\'s message and code, after retrying', async () => {
    const r = await qcase(['get', '500']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^qcase: task 500: the console failed \(500, code 1020\): Adding\/updating data to Map test_aas failed\nhint: /);
    expectNoStackTrace(r);
  });

  it('exits 1 when a 200 answer is an HTML page', async () => {
    const r = await qcase(['get', '44']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/expected QRadar's JSON but got text\/html with status 200 \("<html><body>Application error/);
  });

  it('with several ids prints what it got and exits with the most serious outcome', async () => {
    const r = await qcase(['get', '42', '999', '500', '-o', 'status']);
    expect(r.stdout).toBe('42 COMPLETE case_id=7 name=Phish42 assigned_to=alice\n');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/task 999 not found/);
    expect(r.stderr).toMatch(/task 500: the console failed/);
  });

  it.each([
    [['get', 'abc'], /invalid task id 'abc'/],
    [['get', '0'], /invalid task id '0'/],
    [['get'], /missing required argument 'id'/],
    [['get', '42', '-o', 'yaml'], /argument 'yaml' is invalid/],
    [['frobnicate'], /unknown command 'frobnicate'/],
    [['get', '42', '--token', 'x'], /unknown option '--token'/],
  ])('exits 2 before any request for %j', async (args, message) => {
    const before = console_.server.requests.length;
    const r = await qcase(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trimEnd().split('\n').length).toBeLessThanOrEqual(2);
    expect(console_.server.requests.length).toBe(before);
    expectNoStackTrace(r);
  });

  it('exits 2 naming QRADAR_HOST when no console is configured', async () => {
    const r = await qcase(['get', '42'], { env: env({ QRADAR_HOST: undefined }), cwd: mkdtempSync(path.join(tmpdir(), 'qcase-')) });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('qcase: no QRadar console configured\nhint: set QRADAR_HOST (or pass --host), e.g. export QRADAR_HOST=console.example.org\n');
  });

  it('exits 2 naming QRADAR_SEC_TOKEN when no token is configured', async () => {
    const r = await qcase(['get', '42'], { env: env({ QRADAR_SEC_TOKEN: undefined }), cwd: mkdtempSync(path.join(tmpdir(), 'qcase-')) });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no API token configured\nhint: set QRADAR_SEC_TOKEN/);
  });

  it('exits 2 for an unreadable token file', async () => {
    const r = await qcase(['get', '42', '--token-file', '/nonexistent/token']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot read token file \/nonexistent\/token: no such file/);
  });
});

describe('qcase get: configuration sources', () => {
  it('reads the token from a file and from stdin', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'qcase-'));
    writeFileSync(path.join(dir, 'token'), `${console_.server.token}\n`);
    const noToken = env({ QRADAR_SEC_TOKEN: undefined });
    expect((await qcase(['get', '42', '-o', 'status', '--token-file', path.join(dir, 'token')], { env: noToken })).code).toBe(0);
    const fromStdin = await qcase(['get', '42', '-o', 'status', '--token-file', '-'], { env: noToken, input: `${console_.server.token}\n` });
    expect(fromStdin.code).toBe(0);
    expect(fromStdin.stdout).toMatch(/^42 COMPLETE/);
    expect((await qcase(['get', '42', '-o', 'status'], { env: env({ QRADAR_SEC_TOKEN: undefined, QRADAR_TOKEN_FILE: path.join(dir, 'token') }) })).code).toBe(0);
  });

  it('reads .env in the working directory, under the environment', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'qcase-'));
    writeFileSync(path.join(dir, '.env'), `QRADAR_HOST=${console_.server.url}\nQRADAR_SEC_TOKEN=${console_.server.token}\nQRADAR_CA_BUNDLE=${console_.certs.caPath}\n`);
    const r = await qcase(['get', '42', '-o', 'status'], { env: cleanEnv(), cwd: dir });
    expect(r.code).toBe(0);
    const overridden = await qcase(['get', '42'], { env: cleanEnv({ QRADAR_SEC_TOKEN: 'env-wins' }), cwd: dir });
    expect(overridden.code).toBe(4);
  });

  it('accepts host:port and --host over QRADAR_HOST', async () => {
    const r = await qcase(['get', '42', '-o', 'status', '--host', console_.server.hostPort], { env: env({ QRADAR_HOST: 'nowhere.invalid' }) });
    expect(r.code).toBe(0);
  });
});

describe('qcase get: TLS', () => {
  it('exits 1 for an untrusted certificate, naming --ca-file and QRADAR_CA_BUNDLE', async () => {
    const r = await qcase(['get', '42'], { env: env({ QRADAR_CA_BUNDLE: undefined }) });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^qcase: the certificate of 127\.0\.0\.1:\d+ is not trusted \([A-Z_]+\)\nhint: .*--ca-file.*QRADAR_CA_BUNDLE/);
  });

  it('connects with --insecure and warns on stderr', async () => {
    const r = await qcase(['get', '42', '-o', 'status', '--insecure'], { env: env({ QRADAR_CA_BUNDLE: undefined }) });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^qcase: warning: TLS verification is off/);
    const viaEnv = await qcase(['get', '42', '-o', 'status'], { env: env({ QRADAR_CA_BUNDLE: undefined, QRADAR_INSECURE: '1' }) });
    expect(viaEnv.code).toBe(0);
    expect(viaEnv.stderr).toMatch(/warning: TLS verification is off/);
  });
});

describe('qcase get: proxies', () => {
  it('goes through HTTPS_PROXY, and around it for hosts in NO_PROXY', async () => {
    const proxy = await startConnectProxy();
    try {
      const via = await qcase(['get', '42', '-o', 'status'], { env: env({ HTTPS_PROXY: proxy.url }) });
      expect(via.code).toBe(0);
      expect(proxy.connects.map((c) => c.target)).toEqual([console_.server.hostPort]);
      const lower = await qcase(['get', '42', '-o', 'status'], { env: env({ https_proxy: proxy.url }) });
      expect(lower.code).toBe(0);
      expect(proxy.connects).toHaveLength(2);
      const around = await qcase(['get', '42', '-o', 'status'], { env: env({ HTTPS_PROXY: proxy.url, NO_PROXY: '127.0.0.1' }) });
      expect(around.code).toBe(0);
      expect(proxy.connects).toHaveLength(2);
    } finally {
      await proxy.close();
    }
  });

  it('exits 1 naming the proxy when it cannot be reached', async () => {
    const r = await qcase(['get', '42'], { env: env({ HTTPS_PROXY: 'http://user:pw@127.0.0.1:9' }) });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot reach 127\.0\.0\.1:\d+ through the proxy http:\/\/user:\*\*\*\*@127\.0\.0\.1:9: connection refused/);
    expect(r.stderr).toMatch(/hint: check HTTPS_PROXY, or add the console to NO_PROXY/);
  });
});

describe('qcase get: API versions', () => {
  it('sends --api-version as the Version header and warns once on a Deprecated answer', async () => {
    console_.server.task(45, json(aTask({ id: 45 }), 200, { Deprecated: 'true' }));
    console_.server.task(46, json(aTask({ id: 46 }), 200, { Deprecated: 'true' }));
    const before = console_.server.requests.length;
    const r = await qcase(['get', '45', '46', '-o', 'status', '--api-version', '19.0']);
    expect(r.code).toBe(0);
    expect(console_.server.requests.slice(before).map((q) => q.headers.version)).toEqual(['19.0', '19.0']);
    expect(r.stderr).toBe("qcase: warning: the console says API version 19.0 is deprecated (true); set --api-version / QRADAR_API_VERSION to a current one\n");
  });

  it('exits 1 with a hint when the console has removed the version', async () => {
    console_.server.task(47, json({ http_response: { code: 422, message: 'Unprocessable' }, code: 1001, description: '', details: {}, message: 'Version 8.0 has been removed' }, 422));
    const r = await qcase(['get', '47', '--api-version', '8.0']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/refused the API version \(422, code 1001\): Version 8\.0 has been removed\nhint: set --api-version/);
  });
});

describe('qcase get: debug, help, version', () => {
  it('--debug logs requests and responses on stderr with the token redacted', async () => {
    const r = await qcase(['get', '42', '-o', 'status', '--debug']);
    expect(r.stdout).toMatch(/^42 COMPLETE/);
    expect(r.stderr).toMatch(/debug: > GET https:\/\/127\.0\.0\.1:\d+\/api\/forensics\/case_management\/case_create_tasks\/42 .*sec: \[redacted\]/);
    expect(r.stderr).toMatch(/debug: < 200 OK/);
  });

  it('--help shows examples and exits 0; --version prints the version', async () => {
    const help = await qcase(['get', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Examples:');
    expect(help.stdout).toContain('--token-file');
    const version = await qcase(['--version']);
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});

describe('the token', () => {
  it('appears in no output of any run above', () => {
    expect(outputs.length).toBeGreaterThan(20);
    for (const r of outputs) {
      expect(r.stdout).not.toContain(console_.server.token);
      expect(r.stderr).not.toContain(console_.server.token);
    }
  });
});
