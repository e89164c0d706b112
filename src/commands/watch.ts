// `qcase watch <id...>`: poll until every task is COMPLETE, then print them. The loop is
// src/watch/loop.ts; this file wires it to the client, the progress display, signals and exit codes.
import type { ApiObject } from '../api/response.js';
import { withField } from '../cli/args.js';
import type { Context } from '../cli/context.js';
import { describeError, reportLines } from '../cli/report.js';
import type { WatchSettings } from '../cli/watch-flags.js';
import { ExitCode, mostSerious } from '../errors.js';
import { formatElapsed } from '../format/duration.js';
import { formatTasks, readTask, type OutputFormat } from '../format/task.js';
import { lineProgress, spinnerProgress, type Progress } from '../watch/progress.js';
import { watchTasks, type TaskOutcome } from '../watch/loop.js';

/** What `watch` was asked for, already validated. */
export interface WatchOptions extends WatchSettings {
  ids: string[];
  format: OutputFormat;
  fields?: string | undefined;
}

function outcomeCode(outcome: TaskOutcome): number {
  if (outcome.kind === 'done') return ExitCode.ok;
  if (outcome.kind === 'pending') return ExitCode.deadline;
  return describeError(outcome.error).exitCode;
}

/** Watches and prints; returns the exit code. Used by `create --wait` too. */
export async function runWatch(options: WatchOptions, context: Context, client?: Awaited<ReturnType<Context['client']>>): Promise<number> {
  const api = client ?? (await context.client());
  const { io, clock } = context;
  // The loop must see the status.
  const fields = withField(options.fields, 'status', 'state');

  const interrupt = new AbortController();
  let signalCode: number = ExitCode.interrupted;
  const onSigint = () => interrupt.abort();
  const onSigterm = () => {
    signalCode = ExitCode.terminated;
    interrupt.abort();
  };
  // `on`, not `once`: ora's signal-exit re-raises a signal that has no other listener left.
  context.signals.on('SIGINT', onSigint);
  context.signals.on('SIGTERM', onSigterm);

  const progress: Progress =
    io.stderrIsTTY && !options.quiet
      ? await spinnerProgress(io.stderr, options.ids, clock.now)
      : lineProgress(io.stderr, clock.now, options.quiet);
  let result;
  try {
    result = await watchTasks(
      { ids: options.ids, intervalMs: options.intervalMs, timeoutMs: options.timeoutMs, acceptPartial: options.acceptPartial, signal: interrupt.signal },
      { fetch: (id, signal) => api.getTask(id, { fields, signal, retries: 0 }), clock, events: progress },
    );
  } finally {
    progress.stop();
    context.signals.off('SIGINT', onSigint);
    context.signals.off('SIGTERM', onSigterm);
  }

  // stdout: the last known state of every task that was seen, in argument order.
  const shown = result.outcomes.map((o) => o.task).filter((t): t is ApiObject => t !== undefined);
  io.stdout.write(await formatTasks(shown, options.format, context.color));

  if (result.ended === 'auth') {
    io.stderr.write(reportLines(describeError(result.authError)));
    return ExitCode.auth;
  }
  const pendingLines = result.outcomes.flatMap((outcome, index) => {
    if (outcome.kind !== 'pending') return [];
    const id = options.ids[index];
    const status = outcome.task ? readTask(outcome.task.data).status : undefined;
    const lastError = outcome.lastError ? ` (last error: ${describeError(outcome.lastError).message})` : '';
    return [`task ${id} is still ${status ?? 'unknown: no answer yet'} after ${formatElapsed(result.elapsedMs)}${lastError}`];
  });
  if (result.ended === 'interrupted') {
    io.stderr.write(`qcase: interrupted after ${formatElapsed(result.elapsedMs)}${pendingLines.length ? `; ${pendingLines.join('; ')}` : ''}\n`);
    return signalCode;
  }
  if (result.ended === 'deadline') {
    io.stderr.write(`qcase: the deadline of ${formatElapsed(options.timeoutMs)} passed: ${pendingLines.join('; ')}\n`);
    io.stderr.write(`hint: allow longer with --timeout (0 for none)${options.acceptPartial ? '' : ', or accept PARTIALLY_COMPLETE with --accept-partial'}\n`);
  }
  return mostSerious(result.outcomes.map(outcomeCode));
}
