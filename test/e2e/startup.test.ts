// What ships answers --help and --version without loading the program: the text fixed into the
// bundle at build time must be exactly what commander renders.
import { describe, expect, it } from '@jest/globals';
import { runProgram } from '../../src/cli/run.js';
import { helpRequestKey } from '../../src/main.js';
import { memoryIO } from '../support/memory-io.js';
import { cleanEnv, runQcase } from '../support/run.js';

describe('help topics', () => {
  it('help environment lists every variable with its flag', async () => {
    const r = await runQcase(['help', 'environment'], { env: cleanEnv() });
    expect(r.code).toBe(0);
    for (const name of ['QRADAR_HOST', 'QRADAR_SEC_TOKEN', 'QRADAR_API_TOKEN', 'QRADAR_TOKEN_FILE', 'QRADAR_API_VERSION', 'QRADAR_CA_BUNDLE', 'QRADAR_INSECURE', 'QRADAR_REQUEST_TIMEOUT', 'HTTPS_PROXY', 'NO_PROXY', 'NO_COLOR', 'FORCE_COLOR']) {
      expect(r.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
    }
    expect(r.stdout).toMatch(/QRADAR_CA_BUNDLE .*; flag --ca-file/);
  });

  it('help exit-codes prints the contract\'s table', async () => {
    const r = await runQcase(['help', 'exit-codes'], { env: cleanEnv() });
    expect(r.stdout).toMatch(/^ {2}124 {2}`watch` deadline passed/m);
    expect(r.stdout.match(/^ +\d+ {2}/gm)).toHaveLength(8);
  });

  it('exits 2 for a topic it does not know, naming the ones it does', async () => {
    const r = await runQcase(['help', 'nope'], { env: cleanEnv() });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no help for 'nope'\nhint: .*environment, exit-codes/);
  });
});

describe('prerendered help', () => {
  it.each([
    [['--help']],
    [['-h']],
    [['help']],
    [['get', '--help']],
    [['watch', '-h']],
    [['help', 'watch']],
    [['create', '--help']],
    [['doctor', '--help']],
    [['completion', '--help']],
    [['help', 'environment']],
    [['help', 'exit-codes']],
  ])('%j prints what commander prints', async (args) => {
    const shipped = await runQcase(args, { env: cleanEnv() });
    const io = memoryIO();
    expect(await runProgram(args, io)).toBe(0);
    expect(shipped.code).toBe(0);
    expect(shipped.stdout).toBe(io.out());
    expect(shipped.stdout.length).toBeGreaterThan(200);
  });

  it('recognises only plain help requests', () => {
    expect(helpRequestKey(['--help'])).toBe('');
    expect(helpRequestKey(['get', '-h'])).toBe('get');
    expect(helpRequestKey(['help', 'watch'])).toBe('watch');
    expect(helpRequestKey(['get', '42', '--help'])).toBeUndefined();
    expect(helpRequestKey(['--host', 'x', '--help'])).toBeUndefined();
    expect(helpRequestKey([])).toBeUndefined();
  });

  it('falls back to commander for help it has not prerendered', async () => {
    const r = await runQcase(['get', '42', '--help'], { env: cleanEnv() });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: qcase get \[options\] <id\.\.\.>/);
  });

  it('--version prints the package version', async () => {
    const r = await runQcase(['--version'], { env: cleanEnv() });
    const { version } = (await import('../../package.json', { with: { type: 'json' } })).default as { version: string };
    expect(r.stdout).toBe(`${version}\n`);
  });
});
