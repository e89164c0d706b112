// The program as a function: argv and streams in, exit code out. bin/qcase.js is the only caller
// that exits the process; tests call this directly. This module stays tiny: `--version` and plain
// help requests are answered from text fixed at build time, everything else loads on demand.
import type { ContextDeps } from './cli/context.js';
import { systemIO, type IOStreams } from './io/streams.js';
import { VERSION } from './version.js';

/** Everything a run may have injected. */
export interface MainDeps extends ContextDeps {
  io?: IOStreams;
}

declare const __QCASE_HELP__: Record<string, string> | undefined;
// The help text of each command, rendered by commander during the build (build.mjs); absent when
// running from source, where commander renders it.
const PRERENDERED_HELP: Record<string, string> = typeof __QCASE_HELP__ === 'object' ? __QCASE_HELP__ : {};

/** The key of a plain help request (`--help`, `get --help`, `help watch`), or undefined. */
export function helpRequestKey(argv: readonly string[]): string | undefined {
  const [a, b, ...rest] = argv;
  if (rest.length > 0) return undefined;
  if (b === undefined && (a === '--help' || a === '-h' || a === 'help')) return '';
  if (a === 'help' && b !== undefined && !b.startsWith('-')) return b;
  if (a !== undefined && !a.startsWith('-') && (b === '--help' || b === '-h')) return a;
  return undefined;
}

/** Runs qcase with the given arguments and returns the exit code; never throws, never exits. */
export async function main(argv: string[], deps: MainDeps = {}): Promise<number> {
  const io = deps.io ?? systemIO();
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
    io.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const key = helpRequestKey(argv);
  const help = key === undefined ? undefined : PRERENDERED_HELP[key];
  if (help !== undefined) {
    io.stdout.write(help);
    return 0;
  }
  const { runProgram } = await import('./cli/run.js');
  return runProgram(argv, io, deps);
}
