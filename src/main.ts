// The program as a function: argv and streams in, exit code out. bin/qcase.js is the only caller
// that exits the process; tests call this directly. This module imports nothing at load time:
// `--version` and plain help requests are answered from text fixed at build time, and everything
// else is loaded on demand.
import type { ContextDeps } from './cli/context.js';
import type { IOStreams } from './io/streams.js';

/** Everything a run may have injected. */
export interface MainDeps extends ContextDeps {
  io?: IOStreams;
}

declare const __QCASE_VERSION__: string | undefined;
declare const __QCASE_HELP_JSON__: string | undefined;
// The help text of each command and topic, rendered by commander during the build (build.mjs), as
// a JSON string so that it stays inside this module; absent from source, where commander renders it.
const prerenderedHelp = (): Record<string, string> => (typeof __QCASE_HELP_JSON__ === 'string' ? JSON.parse(__QCASE_HELP_JSON__) : {});

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
  const stdout = deps.io?.stdout ?? process.stdout;
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
    stdout.write(`${typeof __QCASE_VERSION__ === 'string' ? __QCASE_VERSION__ : '0.0.0-dev'}\n`);
    return 0;
  }
  const key = helpRequestKey(argv);
  const help = key === undefined ? undefined : prerenderedHelp()[key];
  if (help !== undefined) {
    stdout.write(help);
    return 0;
  }
  const [{ runProgram }, { systemIO }] = await Promise.all([import('./cli/run.js'), import('./io/streams.js')]);
  return runProgram(argv, deps.io ?? systemIO(), deps);
}
