// What ships answers --help and --version without loading the program: the text fixed into the
// bundle at build time must be exactly what commander renders.
import { describe, expect, it } from '@jest/globals';
import { runProgram } from '../../src/cli/run.js';
import { helpRequestKey } from '../../src/main.js';
import { memoryIO } from '../support/memory-io.js';
import { cleanEnv, runQcase } from '../support/run.js';

describe('prerendered help', () => {
  it.each([[['--help']], [['-h']], [['help']], [['get', '--help']], [['watch', '-h']], [['help', 'watch']]])('%j prints what commander prints', async (args) => {
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
