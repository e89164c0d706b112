// How a watch shows progress on stderr: an ora spinner on a terminal, otherwise one timestamped line
// per status change (never one per poll), so CI logs stay readable. `-q` keeps only what matters to
// the outcome: partial completion, unknown statuses and errors.
import type { Writable } from 'node:stream';
import type { WatchEvents } from './loop.js';
import { describeError, reportLines } from '../cli/report.js';
import { formatElapsed } from '../format/duration.js';

/** The events of the loop, and a way to clear the display at the end. */
export interface Progress extends WatchEvents {
  stop(): void;
}

/** Events as messages, printed through `say` (progress, silenced by -q) or `log` (kept). */
function messages(say: (t: string) => void, log: (t: string) => void, quiet: boolean): WatchEvents {
  return {
    status: (id, status, previous, elapsedMs) => {
      if (!quiet) say(previous === undefined ? `task ${id}: ${status}` : `task ${id}: ${previous} -> ${status} after ${formatElapsed(elapsedMs)}`);
    },
    unknownStatus: (id, status) => log(`qcase: warning: task ${id} has status '${status}', which QRadar's docs do not list; still waiting for COMPLETE\n`),
    partial: (id) => log(`qcase: task ${id} is PARTIALLY_COMPLETE: the case is usable, but not yet on all managed hosts\n`),
    outage: (_id, error, retryInMs) => {
      if (!quiet) say(`${describeError(error).message}; retrying in ${formatElapsed(retryInMs)}, until the deadline`);
    },
    recovered: (downMs) => {
      if (!quiet) say(`the console answers again, after ${formatElapsed(downMs)}`);
    },
    failed: (id, error) => log(reportLines(describeError(error, `task ${id}`))),
  };
}

/** Not a terminal: `2026-12-04T20:01:02Z task 42: WAITING -> PROCESSING after 12s`. */
export function lineProgress(stream: Writable, now: () => number, quiet: boolean): Progress {
  const log = (text: string) => stream.write(text);
  const say = (text: string) => log(`${new Date(now()).toISOString().replace(/\.\d{3}Z$/, 'Z')} ${text}\n`);
  return { ...messages(say, log, quiet), stop: () => {} };
}

/** A terminal: one spinner line with each task's status and the elapsed time, cleared at the end. */
export async function spinnerProgress(stream: Writable, ids: string[], now: () => number): Promise<Progress> {
  const { default: ora } = await import('ora');
  const started = now();
  const statuses = new Map<string, string>(ids.map((id) => [id, '…']));
  let note = '';
  const spinner = ora({ stream: stream as NodeJS.WritableStream, discardStdin: false, hideCursor: true, isEnabled: true });
  const render = () => {
    const counts = new Map<string, number>();
    for (const s of statuses.values()) counts.set(s, (counts.get(s) ?? 0) + 1);
    const summary =
      ids.length <= 4
        ? ids.map((id) => `${id} ${statuses.get(id)}`).join(', ')
        : `${ids.length} tasks: ${[...counts].map(([s, n]) => `${n} ${s}`).join(', ')}`;
    spinner.text = `watching ${summary} (${formatElapsed(now() - started)})${note ? ` - ${note}` : ''}`;
  };
  const log = (text: string) => {
    spinner.clear();
    stream.write(text);
    spinner.render();
  };
  const events = messages(
    (text) => {
      note = text;
      render();
    },
    log,
    false,
  );
  spinner.start();
  render();
  const ticker = setInterval(render, 250);
  ticker.unref();
  return {
    ...events,
    status: (id, status) => {
      statuses.set(id, status);
      note = '';
      render();
    },
    recovered: () => {
      note = '';
      render();
    },
    failed: (id, error) => {
      statuses.set(id, 'failed');
      events.failed(id, error);
    },
    stop: () => {
      clearInterval(ticker);
      spinner.stop();
    },
  };
}
