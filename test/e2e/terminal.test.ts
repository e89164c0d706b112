// `qcase watch` on a real pseudo-terminal (tmux): the spinner runs, and the final screen holds the
// result with no leftover spinner line and the cursor visible again.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { makeCerts, type TestCerts } from '../support/certs.js';
import { json, startFakeQRadar, type FakeQRadar } from '../support/fake-qradar.js';
import { aTask } from '../support/fixtures.js';
import { BIN } from '../support/run.js';

const socket = `qcase-test-${process.pid}`;
const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
let hasTmux = true;
try {
  execFileSync('tmux', ['-V'], { stdio: 'ignore' });
} catch {
  hasTmux = false;
}

let certs: TestCerts;
let server: FakeQRadar;

beforeAll(async () => {
  certs = makeCerts();
  server = await startFakeQRadar(certs.server);
});
afterAll(async () => {
  try {
    tmux('kill-server');
  } catch {
    // no server left
  }
  await server.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function screenWhen(session: string, predicate: (screen: string) => boolean, timeoutMs = 10_000): Promise<string> {
  const until = Date.now() + timeoutMs;
  let screen = '';
  while (Date.now() < until) {
    screen = tmux('capture-pane', '-p', '-t', session);
    if (predicate(screen)) return screen;
    await sleep(50);
  }
  throw new Error(`screen never matched:\n${screen}`);
}

function start(session: string, args: string): void {
  const env = `QRADAR_HOST=${server.url} QRADAR_SEC_TOKEN=${server.token} QRADAR_CA_BUNDLE='${certs.caPath}'`;
  // The shell traps SIGINT (a handler, reset for the child) so Ctrl-C reaches qcase but not the shell.
  const script = `trap : INT; env -u NODE_EXTRA_CA_CERTS -u NO_COLOR ${env} TERM=xterm-256color ${process.execPath} ${BIN} ${args}; echo EXIT=$?; sleep 60`;
  tmux('new-session', '-d', '-s', session, '-x', '100', '-y', '15', 'bash', '-c', script);
}

(hasTmux ? describe : describe.skip)('qcase watch on a terminal', () => {
  it('shows a spinner while waiting and leaves only the result on screen', async () => {
    server.task(42, ...Array.from({ length: 8 }, () => json(aTask({ status: 'WAITING' }))), json(aTask({ status: 'COMPLETE' })));
    start('done', 'watch 42 --interval 150ms');
    const during = await screenWhen('done', (s) => /watching 42 WAITING/.test(s));
    expect(during).toMatch(/^[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] watching 42 WAITING \(\d+(ms|s)\)/m);
    expect(tmux('display', '-p', '-t', 'done', '#{cursor_flag}').trim()).toBe('0'); // hidden while spinning
    const after = await screenWhen('done', (s) => s.includes('EXIT='));
    expect(after).toMatch(/^ID\s+CASE ID\s+NAME\s+STATUS\s+ASSIGNED TO\n42\s+7\s+Phish42\s+COMPLETE\s+alice\nEXIT=0/m);
    expect(after).not.toMatch(/watching/);
    expect(after.trim().split('\n')[0]).toMatch(/^ID/); // nothing above the table: the spinner line is gone
    expect(tmux('display', '-p', '-t', 'done', '#{cursor_flag}').trim()).toBe('1');
  });

  it('Ctrl-C restores the terminal, prints the last known task and exits 130', async () => {
    server.task(43, json(aTask({ id: 43, status: 'PROCESSING' })));
    start('ctrlc', 'watch 43 --interval 150ms -o status');
    await screenWhen('ctrlc', (s) => /watching 43 PROCESSING/.test(s));
    tmux('send-keys', '-t', 'ctrlc', 'C-c');
    const after = await screenWhen('ctrlc', (s) => s.includes('EXIT='), 3000);
    expect(after).toMatch(/qcase: interrupted after .*task 43 is still PROCESSING/);
    expect(after).toMatch(/^43 PROCESSING case_id=7/m);
    expect(after).toMatch(/EXIT=130/);
    expect(after).not.toMatch(/watching/);
    expect(tmux('display', '-p', '-t', 'ctrlc', '#{cursor_flag}').trim()).toBe('1');
  });
});
