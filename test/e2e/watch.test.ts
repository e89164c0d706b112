// Whole runs of `qcase watch` against the local HTTPS QRadar scripted through status sequences and
// faults, including signals sent to the running binary.
import { describe, expect, it } from '@jest/globals';
import { json, TASK_PATH } from '../support/fake-qradar.js';
import { aTask } from '../support/fixtures.js';
import { parseJsonStream, runQcase, type RunResult } from '../support/run.js';
import { useConsole } from '../support/console.js';

const console_ = useConsole();
let nextId = 1000;

const env = console_.env;
const watch = (args: string[], options: Parameters<typeof runQcase>[1] = {}) => runQcase(['watch', '--interval', '100ms', ...args], { env: env(), ...options });

/** A fresh task id whose GETs answer with these statuses in turn (the last repeats). */
function taskWith(...statuses: string[]): string {
  const id = nextId++;
  console_.server.task(id, ...statuses.map((status) => json(aTask({ id, status }))));
  return String(id);
}

const statusLines = (stderr: string) => stderr.split('\n').filter((l) => /^\d{4}-\d\d-\d\dT\S+Z task \d+: /.test(l));

describe('qcase watch', () => {
  it('follows a task to COMPLETE: one timestamped line per status change, the task on stdout, exit 0', async () => {
    const id = taskWith('WAITING', 'WAITING', 'PROCESSING', 'PROCESSING', 'COMPLETE');
    const r = await watch([id, '-o', 'status']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${id} COMPLETE case_id=7 name=Phish42 assigned_to=alice\n`);
    const lines = statusLines(r.stderr);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(new RegExp(`task ${id}: WAITING$`));
    expect(lines[1]).toMatch(new RegExp(`task ${id}: WAITING -> PROCESSING after \\d+ms$`));
    expect(lines[2]).toMatch(/PROCESSING -> COMPLETE/);
    expect(console_.server.count(`${TASK_PATH}${id}`)).toBe(5);
  });

  it('costs one request for a task already complete', async () => {
    const id = taskWith('COMPLETE');
    const r = await watch([id, '--json']);
    expect(r.code).toBe(0);
    expect(parseJsonStream(r.stdout)).toEqual([aTask({ id: Number(id), status: 'COMPLETE' })]);
    expect(console_.server.count(`${TASK_PATH}${id}`)).toBe(1);
  });

  it('adds status to a --fields list that leaves it out, since the watch must read it', async () => {
    const id = taskWith('COMPLETE');
    const before = console_.server.requests.length;
    const r = await watch([id, '--fields', 'id,case_id', '-o', 'status']);
    expect(r.code).toBe(0);
    expect(console_.server.requests[before]!.query.get('fields')).toBe('id,case_id,status');
  });

  it('-q keeps the --insecure warning and final errors', async () => {
    const r = await watch(['999998', '-q', '--insecure'], { env: env({ QRADAR_CA_BUNDLE: undefined }) });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^qcase: warning: TLS verification is off/);
    expect(r.stderr).toMatch(/qcase: task 999998 not found \(404, code 1002\)/);
  });

  it('ends a task with another 4xx (422) alone, like a 404', async () => {
    const good = taskWith('WAITING', 'COMPLETE');
    const bad = String(nextId++);
    console_.server.task(bad, json({ http_response: { code: 422, message: 'Unprocessable' }, code: 1005, description: '', details: {}, message: 'bad parameter' }, 422));
    const r = await watch([bad, good, '-o', 'status']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(`${good} COMPLETE case_id=7 name=Phish42 assigned_to=alice\n`);
    expect(r.stderr).toMatch(new RegExp(`qcase: task ${bad}: the console refused the request \\(422, code 1005\\): bad parameter`));
    expect(console_.server.count(`${TASK_PATH}${bad}`)).toBe(1);
  });

  it('-q prints no progress', async () => {
    const id = taskWith('WAITING', 'COMPLETE');
    const r = await watch([id, '-q', '-o', 'status']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });

  it('exits 124 at the deadline, printing the last known task and what it is still doing', async () => {
    const id = taskWith('WAITING', 'PROCESSING');
    const started = Date.now();
    const r = await watch([id, '--timeout', '1s', '--json']);
    expect(r.code).toBe(124);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(parseJsonStream(r.stdout)).toEqual([aTask({ id: Number(id), status: 'PROCESSING' })]);
    expect(r.stderr).toMatch(new RegExp(`qcase: the deadline of 1s passed: task ${id} is still PROCESSING after 1s\\nhint: allow longer with --timeout`));
  });

  it('does not count PARTIALLY_COMPLETE as done, but says the case is usable', async () => {
    const id = taskWith('PROCESSING', 'PARTIALLY_COMPLETE');
    const r = await watch([id, '--timeout', '700ms', '-o', 'status']);
    expect(r.code).toBe(124);
    expect(r.stdout).toMatch(new RegExp(`^${id} PARTIALLY_COMPLETE`));
    expect(r.stderr.match(/is PARTIALLY_COMPLETE: the case is usable, but not yet on all managed hosts/g)).toHaveLength(1);
  });

  it('counts PARTIALLY_COMPLETE as done with --accept-partial, even with -q saying why', async () => {
    const id = taskWith('PARTIALLY_COMPLETE');
    const r = await watch([id, '--accept-partial', '-q', '-o', 'status']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/the case is usable, but not yet on all managed hosts/);
  });

  it('rides out a proxy outage (502 HTML, dropped connection), reporting it once and its end', async () => {
    const id = String(nextId++);
    console_.server.task(
      id,
      json(aTask({ id: Number(id), status: 'WAITING' })),
      { status: 502, body: '<html>502 Bad Gateway</html>' },
      { drop: true },
      { status: 503, body: '<html>503</html>' },
      json(aTask({ id: Number(id), status: 'COMPLETE' })),
    );
    const r = await watch([id, '-o', 'status']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^${id} COMPLETE`));
    expect(r.stderr.match(/retrying in/g)).toHaveLength(1);
    expect(r.stderr).toMatch(/502\): Bad Gateway .*retrying in \d+ms, until the deadline/);
    expect(r.stderr.match(/the console answers again/g)).toHaveLength(1);
  });

  it('honours Retry-After on 429', async () => {
    const id = String(nextId++);
    console_.server.task(id, json({ message: 'slow down' }, 429, { 'Retry-After': '1' }), json(aTask({ id: Number(id), status: 'COMPLETE' })));
    const started = Date.now();
    const r = await watch([id, '-o', 'status']);
    expect(r.code).toBe(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(console_.server.count(`${TASK_PATH}${id}`)).toBe(2);
  });

  it('exits 4 at once when the token is rejected, having sent it exactly once', async () => {
    const ids = [taskWith('WAITING'), taskWith('WAITING'), taskWith('WAITING')];
    const before = console_.server.requests.length;
    const r = await watch(ids, { env: env({ QRADAR_SEC_TOKEN: 'revoked-token' }) });
    expect(r.code).toBe(4);
    expect(console_.server.requests.length - before).toBe(1);
    expect(r.stderr).toMatch(/the console rejected the token \(401, code 18\)/);
    expect(r.stderr).not.toContain('revoked-token');
  });

  it('ends a 404 task alone and keeps watching the others; exit 3', async () => {
    const good = taskWith('WAITING', 'COMPLETE');
    const r = await watch(['999999', good, '-o', 'status']);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe(`${good} COMPLETE case_id=7 name=Phish42 assigned_to=alice\n`);
    expect(r.stderr).toMatch(/qcase: task 999999 not found \(404, code 1002\)/);
  });

  it('names an unknown status once and keeps waiting', async () => {
    const id = taskWith('ARCHIVING', 'ARCHIVING', 'ARCHIVING', 'COMPLETE');
    const r = await watch([id, '-o', 'status']);
    expect(r.code).toBe(0);
    expect(r.stderr.match(/has status 'ARCHIVING', which QRadar's docs do not list/g)).toHaveLength(1);
  });

  it('prints several tasks in argument order when all are done', async () => {
    const slow = taskWith('WAITING', 'PROCESSING', 'COMPLETE');
    const fast = taskWith('COMPLETE');
    const r = await watch([slow, fast, '--json']);
    expect(r.code).toBe(0);
    expect((parseJsonStream(r.stdout) as Array<{ id: number }>).map((t) => String(t.id))).toEqual([slow, fast]);
  });

  it('watches 50 tasks over at most 8 kept-alive connections', async () => {
    const ids = Array.from({ length: 50 }, () => taskWith('WAITING', 'PROCESSING', 'PROCESSING', 'PROCESSING', 'COMPLETE'));
    const before = console_.server.connections();
    const requestsBefore = console_.server.requests.length;
    const r = await watch([...ids, '-q', '-o', 'status']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(50);
    expect(console_.server.requests.length - requestsBefore).toBe(250);
    expect(console_.server.connections() - before).toBeLessThanOrEqual(8);
  });

  it.each([
    ['--interval', '0'],
    ['--interval', 'soon'],
    ['--timeout', 'forever'],
  ])('exits 2 for %s %s', async (flag, value) => {
    const r = await runQcase(['watch', '42', flag, value], { env: env() });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`qcase: .*${flag}`));
  });
});

describe('qcase watch and signals', () => {
  async function interrupted(signal: NodeJS.Signals): Promise<{ r: RunResult; afterSignalMs: number }> {
    const id = taskWith('WAITING', 'PROCESSING');
    let sentAt = 0;
    const r = await watch([id, '-o', 'status'], {
      onSpawn: (child) => {
        let seen = '';
        child.stderr?.on('data', (chunk: Buffer) => {
          seen += chunk.toString();
          if (sentAt === 0 && /-> PROCESSING/.test(seen)) {
            sentAt = Date.now();
            child.kill(signal);
          }
        });
      },
    });
    return { r, afterSignalMs: Date.now() - sentAt };
  }

  it('exits 130 on SIGINT within a moment, printing the last known task', async () => {
    const { r, afterSignalMs } = await interrupted('SIGINT');
    expect(r.code).toBe(130);
    expect(afterSignalMs).toBeLessThan(1000);
    expect(r.stdout).toMatch(/^\d+ PROCESSING /);
    expect(r.stderr).toMatch(/qcase: interrupted after \d+ms; task \d+ is still PROCESSING/);
  });

  it('exits 143 on SIGTERM, printing the last known task', async () => {
    const { r } = await interrupted('SIGTERM');
    expect(r.code).toBe(143);
    expect(r.stdout).toMatch(/^\d+ PROCESSING /);
  });
});

