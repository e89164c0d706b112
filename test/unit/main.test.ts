import { describe, expect, it } from '@jest/globals';
import { main } from '../../src/main.js';
import { useColor } from '../../src/io/streams.js';
import { buildProgram, LEAN_COMMANDS } from '../../src/cli/program.js';
import { memoryIO } from '../support/memory-io.js';

describe('main', () => {
  it('has no side effects on import and returns codes instead of exiting', async () => {
    const io = memoryIO();
    expect(await main(['--version'], { io })).toBe(0);
    expect(io.out()).toMatch(/^\d+\.\d+\.\d+/);
    expect(io.err()).toBe('');
  });

  it('prints help with every command on stdout', async () => {
    const io = memoryIO();
    expect(await main(['--help'], { io })).toBe(0);
    expect(io.out()).toMatch(/get \[options\] <id\.\.\.>/);
    expect(io.out()).toMatch(/watch \[options\] <id\.\.\.>/);
  });

  it('turns commander\'s usage errors into exit 2 with a hint on stderr', async () => {
    const io = memoryIO();
    expect(await main(['get', '42', '--bogus'], { io })).toBe(2);
    expect(io.err()).toBe("qcase: unknown option '--bogus'\nhint: see 'qcase --help' or 'qcase <command> --help'\n");
    expect(io.out()).toBe('');
  });

  it('asks for a command when given none, exit 2', async () => {
    const io = memoryIO();
    expect(await main([], { io })).toBe(2);
    expect(io.err()).toMatch(/Usage: qcase/);
  });
});

describe('useColor', () => {
  it('colours a terminal unless told not to; FORCE_COLOR forces it; --no-color always wins', () => {
    expect(useColor(true, {}, false)).toBe(true);
    expect(useColor(false, {}, false)).toBe(false);
    expect(useColor(true, { NO_COLOR: '1' }, false)).toBe(false);
    expect(useColor(true, { TERM: 'dumb' }, false)).toBe(false);
    expect(useColor(false, { FORCE_COLOR: '1' }, false)).toBe(true);
    expect(useColor(true, { FORCE_COLOR: '0' }, false)).toBe(false);
    expect(useColor(true, { FORCE_COLOR: '1' }, true)).toBe(false);
    expect(useColor(true, { NO_COLOR: '' }, false)).toBe(true);
  });
});

describe('buildProgram with one command', () => {
  it.each(LEAN_COMMANDS)('builds %s exactly as the whole program does', (name) => {
    const noop = { out: () => {}, err: () => {} };
    const full = buildProgram(async () => {}, noop).commands.find((c) => c.name() === name)!;
    const lean = buildProgram(async () => {}, noop, name);
    expect(lean.commands.map((c) => c.name())).toEqual([name]);
    expect(lean.commands[0]!.helpInformation()).toBe(full.helpInformation());
    expect(lean.options.map((o) => o.flags)).toEqual(buildProgram(async () => {}, noop).options.map((o) => o.flags));
  });
});
