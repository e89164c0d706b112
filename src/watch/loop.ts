// The watch loop: poll each task until it is done, through outages, up to a deadline. It knows no
// streams and no real time: the fetch, the clock and the events are passed in, so every path is
// tested deterministically.
import { setMaxListeners } from 'node:events';
import type { ApiObject } from '../api/response.js';
import { isAuthFailure, isTransient } from '../api/errors.js';
import type { Clock } from '../cli/context.js';
import { readTask } from '../format/task.js';

/** Statuses the QRadar docs list; anything else keeps the watch waiting and is named once. */
export const KNOWN_STATUSES = ['WAITING', 'PROCESSING', 'PARTIALLY_COMPLETE', 'COMPLETE'];

/** How one task ended. */
export type TaskOutcome =
  | { kind: 'done'; task: ApiObject }
  | { kind: 'pending'; task: ApiObject | undefined; lastError: unknown }
  | { kind: 'failed'; error: unknown; task: ApiObject | undefined };

/** What the loop reports as it goes; the progress display listens. */
export interface WatchEvents {
  status(id: string, status: string, previous: string | undefined, elapsedMs: number): void;
  unknownStatus(id: string, status: string): void;
  partial(id: string): void;
  outage(id: string, error: unknown, retryInMs: number): void;
  recovered(elapsedDownMs: number): void;
  failed(id: string, error: unknown): void;
}

/** What to watch and how. */
export interface WatchLoopOptions {
  ids: string[];
  intervalMs: number;
  /** Overall deadline; 0 for none. */
  timeoutMs: number;
  acceptPartial: boolean;
  /** Aborted on Ctrl-C or SIGTERM. */
  signal?: AbortSignal | undefined;
}

/** What the loop needs from outside. */
export interface WatchLoopDeps {
  fetch(id: string, signal: AbortSignal): Promise<ApiObject>;
  clock: Clock;
  random?: () => number;
  events?: Partial<WatchEvents>;
}

/** How the whole watch ended, and each task in argument order. */
export interface WatchResult {
  ended: 'done' | 'deadline' | 'auth' | 'interrupted';
  outcomes: TaskOutcome[];
  authError?: unknown;
  elapsedMs: number;
}

const MAX_BACKOFF_MS = 60_000;

/** The wait before the next try after `failures` transient faults in a row (exponential, jittered, capped). */
export function backoffDelay(failures: number, intervalMs: number, retryAfterMs: number | undefined, random: () => number): number {
  if (retryAfterMs !== undefined) return Math.max(retryAfterMs, intervalMs);
  const cap = Math.max(intervalMs, MAX_BACKOFF_MS);
  const exponential = Math.min(cap, intervalMs * 2 ** Math.min(failures - 1, 20));
  return Math.round(exponential * (0.5 + random() * 0.5));
}

/** Watches every id until all are done, the deadline passes, the token is rejected or a signal comes. */
export async function watchTasks(options: WatchLoopOptions, deps: WatchLoopDeps): Promise<WatchResult> {
  const { clock, events = {} } = deps;
  const random = deps.random ?? Math.random;
  const started = clock.now();
  const stop = new AbortController();
  // Every task's sleep and request listens on this one signal: many ids are not a leak.
  setMaxListeners(0, stop.signal);
  let ended: WatchResult['ended'] | undefined;
  let authError: unknown;
  const finish = (how: NonNullable<typeof ended>) => {
    if (ended === undefined) ended = how;
    stop.abort();
  };
  const onInterrupt = () => finish('interrupted');
  if (options.signal?.aborted) onInterrupt();
  options.signal?.addEventListener('abort', onInterrupt, { once: true });

  // One outage for the console as a whole: reported when it starts and when any answer comes back.
  let outageSince: number | undefined;

  async function watchOne(id: string): Promise<TaskOutcome> {
    let last: ApiObject | undefined;
    let lastStatus: string | undefined;
    let lastError: unknown;
    let failures = 0;
    let partialSaid = false;
    let unknownSaid = false;
    while (!stop.signal.aborted) {
      let task: ApiObject;
      try {
        task = await deps.fetch(id, stop.signal);
      } catch (error) {
        if (stop.signal.aborted) break;
        if (isAuthFailure(error)) {
          authError = error;
          finish('auth');
          return { kind: 'failed', error, task: last };
        }
        if (!isTransient(error)) {
          events.failed?.(id, error);
          return { kind: 'failed', error, task: last };
        }
        lastError = error;
        failures += 1;
        const retryAfter = (error as { retryAfterMs?: number }).retryAfterMs;
        const delay = backoffDelay(failures, options.intervalMs, retryAfter, random);
        if (outageSince === undefined) {
          outageSince = clock.now();
          events.outage?.(id, error, delay);
        }
        await clock.sleep(delay, stop.signal);
        continue;
      }
      failures = 0;
      lastError = undefined;
      if (outageSince !== undefined) {
        events.recovered?.(clock.now() - outageSince);
        outageSince = undefined;
      }
      last = task;
      const status = readTask(task.data).status ?? '(none)';
      if (status !== lastStatus) {
        events.status?.(id, status, lastStatus, clock.now() - started);
        lastStatus = status;
      }
      if (!KNOWN_STATUSES.includes(status) && !unknownSaid) {
        unknownSaid = true;
        events.unknownStatus?.(id, status);
      }
      if (status === 'COMPLETE') return { kind: 'done', task };
      if (status === 'PARTIALLY_COMPLETE') {
        if (!partialSaid) events.partial?.(id);
        partialSaid = true;
        if (options.acceptPartial) return { kind: 'done', task };
      }
      await clock.sleep(options.intervalMs, stop.signal);
    }
    return { kind: 'pending', task: last, lastError };
  }

  // The deadline is one timer for all tasks; reaching it aborts polls in flight too.
  const deadlineOff = new AbortController();
  const deadline =
    options.timeoutMs > 0
      ? clock.sleep(options.timeoutMs, AbortSignal.any([deadlineOff.signal, stop.signal])).then(() => {
          if (!deadlineOff.signal.aborted) finish('deadline');
        })
      : Promise.resolve();
  const outcomes = await Promise.all(options.ids.map(watchOne));
  deadlineOff.abort();
  await deadline;
  options.signal?.removeEventListener('abort', onInterrupt);
  return { ended: ended ?? 'done', outcomes, authError, elapsedMs: clock.now() - started };
}
