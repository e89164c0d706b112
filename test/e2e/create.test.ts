// `qcase create` against the local HTTPS QRadar: the POST, its checks, its failures, and --wait.
import { beforeEach, describe, expect, it } from '@jest/globals';
import { json, TASK_PATH } from '../support/fake-qradar.js';
import { aTask, sample, SAMPLES } from '../support/fixtures.js';
import { parseJsonStream, runQcase } from '../support/run.js';
import { useConsole } from '../support/console.js';

const CASES = '/api/forensics/case_management/cases';
const console_ = useConsole();
beforeEach(() => {
  console_.server.requests.length = 0;
});

const env = console_.env;
const create = (args: string[]) => runQcase(['create', ...args], { env: env() });
const created = (overrides: Record<string, unknown> = {}) => aTask({ id: 77, case_id: 12, case_name: 'Phish42', status: 'WAITING', ...overrides });

describe('qcase create', () => {
  it('POSTs the name and assignee and prints the returned task', async () => {
    console_.server.on('POST', CASES, json(created(), 201));
    const r = await create(['Phish42', '--assign', 'alice', '--json']);
    expect(r.code).toBe(0);
    expect(parseJsonStream(r.stdout)).toEqual([created()]);
    expect(r.stderr).toBe('');
    const [post] = console_.server.requests;
    expect(post).toMatchObject({ method: 'POST', path: CASES });
    expect(JSON.parse(post!.body)).toEqual({ name: 'Phish42', assigned_to: ['alice'] });
    expect(post!.headers['content-type']).toMatch(/application\/json/);
  });

  it('sends --fields as a header, as QRadar takes it on this POST', async () => {
    console_.server.on('POST', CASES, json({ id: 77, status: 'WAITING' }, 201));
    const r = await create(['Phish42', '--assign', 'alice', '--fields', 'id,status', '-o', 'status']);
    expect(r.stdout).toBe('77 WAITING\n');
    expect(console_.server.requests[0]!.headers.fields).toBe('id,status');
    expect(console_.server.requests[0]!.query.get('fields')).toBeNull();
  });

  it('warns when there is no assignee', async () => {
    console_.server.on('POST', CASES, json(created({ assigned_to: [] }), 201));
    const r = await create(['Phish42', '-o', 'status']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^qcase: warning: no --assign: a case an authorized service creates without an assignee is visible to administrators only\n$/);
    expect(JSON.parse(console_.server.requests[0]!.body)).toEqual({ name: 'Phish42', assigned_to: [] });
  });

  it.each([
    [['Phish 42'], /invalid case name 'Phish 42'/],
    [['ThisNameIsTooLong16'], /invalid case name/],
    [['phish-42'], /invalid case name/],
    [[''], /invalid case name ''/],
    [['Phish42', '--assign', 'alice', '--assign', 'bob'], /--assign was given 2 times; QRadar takes at most one assignee/],
    [['Phish42', '--wait', '--interval', 'x'], /invalid duration for --interval/],
  ])('exits 2 before sending anything for %j', async (args, message) => {
    const r = await create(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(console_.server.requests).toHaveLength(0);
  });

  it('shows QRadar\'s message for a 409, sent once', async () => {
    console_.server.on('POST', CASES, json({ http_response: { code: 409, message: 'Conflict' }, code: 1004, description: '', details: {}, message: 'A case with the name Phish42 already exists' }, 409));
    const r = await create(['Phish42', '--assign', 'alice']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^qcase: case Phish42: the console refused the request \(409, code 1004\): A case with the name Phish42 already exists\nhint: the name may be taken/);
    expect(console_.server.requests).toHaveLength(1);
  });

  it('shows QRadar\'s message for a 422 code 1005', async () => {
    console_.server.on('POST', CASES, json(sample(SAMPLES.invalidParam), 422));
    const r = await create(['Phish42', '--assign', 'alice']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/\(422, code 1005\): closing_reason_id must be provided/);
  });

  it('never retries a POST, even on a 503 or a dropped connection', async () => {
    console_.server.on('POST', CASES, json(sample(SAMPLES.serverError), 503));
    expect((await create(['Phish42', '--assign', 'alice'])).code).toBe(1);
    expect(console_.server.requests).toHaveLength(1);
    console_.server.requests.length = 0;
    console_.server.on('POST', CASES, { drop: true });
    const dropped = await create(['Phish42', '--assign', 'alice']);
    expect(dropped.code).toBe(1);
    expect(dropped.stderr).toMatch(/hint: the case may have been created before the connection failed: look for Phish42 in QRadar/);
    expect(console_.server.requests).toHaveLength(1);
  });

  it('exits 4 on 403 code 1009', async () => {
    console_.server.on('POST', CASES, json({ http_response: { code: 403, message: 'Forbidden' }, code: 1009, description: '', details: {}, message: 'You do not have the required capabilities to create a case' }, 403));
    const r = await create(['Phish42', '--assign', 'alice']);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/\(403, code 1009\): You do not have the required capabilities/);
  });

  it('--wait watches the new task to COMPLETE and prints it once', async () => {
    console_.server.on('POST', CASES, json(created(), 201));
    console_.server.task(77, json(created({ status: 'PROCESSING' })), json(created({ status: 'COMPLETE' })));
    const r = await create(['Phish42', '--assign', 'alice', '--wait', '--interval', '100ms', '--json']);
    expect(r.code).toBe(0);
    expect(parseJsonStream(r.stdout)).toEqual([created({ status: 'COMPLETE' })]);
    expect(r.stderr).toMatch(/created case create task 77 for case Phish42; waiting for it/);
    expect(console_.server.count(`${TASK_PATH}77`)).toBe(2);
    expect(console_.server.count(CASES)).toBe(1);
  });

  it('--wait adds id to --fields, since it must know which task to watch', async () => {
    console_.server.on('POST', CASES, json({ id: 79, status: 'COMPLETE' }, 201));
    console_.server.task(79, json({ id: 79, status: 'COMPLETE' }));
    const r = await create(['Phish42', '--assign', 'alice', '--wait', '--fields', 'status', '-q', '-o', 'status']);
    expect(r.code).toBe(0);
    expect(console_.server.requests[0]!.headers.fields).toBe('status,id');
  });

  it('--wait ends with 124 at the deadline, like watch', async () => {
    console_.server.on('POST', CASES, json(created({ id: 78 }), 201));
    console_.server.task(78, json(created({ id: 78, status: 'PROCESSING' })));
    const r = await create(['Phish42', '--assign', 'alice', '--wait', '--interval', '100ms', '--timeout', '500ms', '-q', '-o', 'status']);
    expect(r.code).toBe(124);
    expect(r.stdout).toMatch(/^78 PROCESSING/);
    expect(r.stderr).toMatch(/deadline of 500ms passed: task 78 is still PROCESSING/);
  });
});
