// The program as a function: argv and streams in, exit code out. bin/qcase.js is the only caller
// that exits the process; tests call this directly.
import { buildProgram } from './cli/program.js';
import { createContext, type Context, type ContextDeps } from './cli/context.js';
import { describeError, reportLines } from './cli/report.js';
import { ExitCode, ExitError } from './errors.js';
import { systemIO, type IOStreams } from './io/streams.js';

/** Everything a run may have injected. */
export interface MainDeps extends ContextDeps {
  io?: IOStreams;
}

/** Runs qcase with the given arguments and returns the exit code; never throws, never exits. */
export async function main(argv: string[], deps: MainDeps = {}): Promise<number> {
  const io = deps.io ?? systemIO();
  let context: Context | undefined;
  let code: number = ExitCode.ok;
  const program = buildProgram(
    async (load, global) => {
      context = createContext(io, global, deps);
      code = await load(context);
    },
    { out: (s) => io.stdout.write(s), err: (s) => io.stderr.write(s) },
  );
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (error) {
    const commanderCode = (error as { code?: unknown }).code;
    if (typeof commanderCode === 'string' && commanderCode.startsWith('commander.')) {
      // Help and --version end with 0; every other commander error is a usage error (it printed it).
      return (error as { exitCode: number }).exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    }
    if (error instanceof ExitError) return error.code;
    const report = describeError(error);
    io.stderr.write(reportLines(report));
    return report.exitCode;
  } finally {
    context?.dispose();
  }
}
