// The whole program behind main(): commander parses, a command runs, errors become exit codes.
import { buildProgram, LEAN_COMMANDS } from './program.js';
import { createContext, type Context, type ContextDeps } from './context.js';
import { describeError, reportLines } from './report.js';
import { ExitCode } from '../errors.js';
import type { IOStreams } from '../io/streams.js';

/** Parses argv with commander and runs the chosen command; returns the exit code. */
export async function runProgram(argv: string[], io: IOStreams, deps: ContextDeps = {}): Promise<number> {
  let context: Context | undefined;
  let code: number = ExitCode.ok;
  const program = buildProgram(
    async (load, global) => {
      context = createContext(io, global, deps);
      code = await load(context);
    },
    { out: (s) => io.stdout.write(s), err: (s) => io.stderr.write(s) },
    LEAN_COMMANDS.includes(argv[0] ?? '') ? argv[0] : undefined,
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
    const report = describeError(error);
    io.stderr.write(reportLines(report));
    return report.exitCode;
  } finally {
    context?.dispose();
  }
}
