// Virtual time for the watch loop: sleeps are queued, and `run` advances the clock to the next
// timer whenever everything else is waiting, so hours of polling take milliseconds.
import type { Clock } from '../../src/cli/context.js';

interface Timer {
  at: number;
  resolve: () => void;
}

export interface VirtualClock extends Clock {
  /** Drives `promise` to completion, jumping time forward whenever only timers are left. */
  run<T>(promise: Promise<T>): Promise<T>;
  /** Calls `fn` when the clock reaches `at`. */
  at(at: number, fn: () => void): void;
}

const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

export function virtualClock(start = 1_000_000): VirtualClock {
  let now = start;
  let timers: Timer[] = [];
  const clock: VirtualClock = {
    now: () => now,
    sleep(ms, signal) {
      return new Promise<void>((resolve) => {
        if (signal?.aborted) return resolve();
        const onAbort = () => {
          timers = timers.filter((t) => t !== timer);
          resolve();
        };
        const timer: Timer = {
          at: now + ms,
          resolve: () => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
          },
        };
        timers.push(timer);
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    },
    at(at, fn) {
      timers.push({ at, resolve: fn });
    },
    async run(promise) {
      let settled = false;
      promise.then(
        () => (settled = true),
        () => (settled = true),
      );
      let idle = 0;
      while (!settled) {
        await flush();
        if (settled) break;
        if (timers.length === 0) {
          if (++idle > 50) throw new Error('virtual clock: nothing left to run and the promise never settled');
          continue;
        }
        idle = 0;
        timers.sort((a, b) => a.at - b.at);
        const next = timers[0]!.at;
        now = Math.max(now, next);
        const due = timers.filter((t) => t.at <= now);
        timers = timers.filter((t) => t.at > now);
        for (const t of due) t.resolve();
      }
      return promise;
    },
  };
  return clock;
}
