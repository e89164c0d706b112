// The watch loop with virtual time: every path, deterministic, no real waiting.
import { describe, expect, it } from '@jest/globals';
import { backoffDelay, watchTasks, type WatchEvents, type WatchLoopOptions } from '../../src/watch/loop.js';
import { ApiError, NetworkError, TimeoutError } from '../../src/api/errors.js';
import type { ApiObject } from '../../src/api/response.js';
import { aTask } from '../support/fixtures.js';
import { virtualClock } from '../support/virtual-clock.js';

type Step = Record<string, unknown> | Error;
const task = (status: string, id = 42): Step => aTask({ id, status });
const apiError = (status: number, retryAfterMs?: number) => new ApiError(status, '', 'p', status === 404 ? 1002 : undefined, 'msg', undefined, retryAfterMs);

/** A fetch that plays each id's steps in order (the last repeats) and records when it was called. */
function scripted(steps: Record<string, Step[]>, clock: { now(): number }) {
  const calls: Array<{ id: string; at: number }> = [];
  const fetch = async (id: string): Promise<ApiObject> => {
    calls.push({ id, at: clock.now() });
    const list = steps[id]!;
    const step = list.length > 1 ? list.shift()! : list[0]!;
    if (step instanceof Error) throw step;
    return { raw: JSON.stringify(step), data: step };
  };
  return { fetch, calls };
}

function recorder() {
  const log: string[] = [];
  const events: WatchEvents = {
    status: (id, s, prev, ms) => log.push(`status ${id} ${prev ?? '-'}>${s} @${ms}`),
    unknownStatus: (id, s) => log.push(`unknown ${id} ${s}`),
    partial: (id) => log.push(`partial ${id}`),
    outage: (id, e, ms) => log.push(`outage ${id} ${(e as Error).name} retry ${ms}`),
    recovered: (ms) => log.push(`recovered after ${ms}`),
    failed: (id, e) => log.push(`failed ${id} ${(e as ApiError).status}`),
  };
  return { log, events };
}

const options = (ids: string[], extra: Partial<WatchLoopOptions> = {}): WatchLoopOptions => ({ ids, intervalMs: 3000, timeoutMs: 1_800_000, acceptPartial: false, ...extra });
const random = () => 1; // the top of the jitter range, so delays are exact

describe('watchTasks', () => {
  it('follows WAITING -> PROCESSING -> COMPLETE, one poll per interval', async () => {
    const clock = virtualClock();
    const { fetch, calls } = scripted({ '42': [task('WAITING'), task('PROCESSING'), task('COMPLETE')] }, clock);
    const { log, events } = recorder();
    const result = await clock.run(watchTasks(options(['42']), { fetch, clock, events, random }));
    expect(result.ended).toBe('done');
    expect(result.outcomes[0]).toMatchObject({ kind: 'done', task: { data: { status: 'COMPLETE' } } });
    expect(calls.map((c) => c.at - 1_000_000)).toEqual([0, 3000, 6000]);
    expect(log).toEqual(['status 42 ->WAITING @0', 'status 42 WAITING>PROCESSING @3000', 'status 42 PROCESSING>COMPLETE @6000']);
    expect(result.elapsedMs).toBe(6000);
  });

  it('costs one request when the task is already complete', async () => {
    const clock = virtualClock();
    const { fetch, calls } = scripted({ '42': [task('COMPLETE')] }, clock);
    const result = await clock.run(watchTasks(options(['42']), { fetch, clock }));
    expect(result.ended).toBe('done');
    expect(calls).toHaveLength(1);
    expect(result.elapsedMs).toBe(0);
  });

  it('prints no status line for polls that change nothing', async () => {
    const clock = virtualClock();
    const { fetch } = scripted({ '42': [task('WAITING'), task('WAITING'), task('WAITING'), task('COMPLETE')] }, clock);
    const { log, events } = recorder();
    await clock.run(watchTasks(options(['42']), { fetch, clock, events }));
    expect(log.filter((l) => l.startsWith('status'))).toHaveLength(2);
  });

  it('keeps waiting on PARTIALLY_COMPLETE until the deadline, saying so once', async () => {
    const clock = virtualClock();
    const { fetch, calls } = scripted({ '42': [task('PROCESSING'), task('PARTIALLY_COMPLETE')] }, clock);
    const { log, events } = recorder();
    const result = await clock.run(watchTasks(options(['42'], { timeoutMs: 60_000 }), { fetch, clock, events }));
    expect(result.ended).toBe('deadline');
    expect(result.outcomes[0]).toMatchObject({ kind: 'pending', task: { data: { status: 'PARTIALLY_COMPLETE' } } });
    expect(log.filter((l) => l.startsWith('partial'))).toEqual(['partial 42']);
    expect(calls).toHaveLength(20); // polls at 0, 3s, ..., 57s; the deadline at 60s ends the sleep
    expect(result.elapsedMs).toBe(60_000);
  });

  it('counts PARTIALLY_COMPLETE as done with acceptPartial, still saying so', async () => {
    const clock = virtualClock();
    const { fetch } = scripted({ '42': [task('PARTIALLY_COMPLETE')] }, clock);
    const { log, events } = recorder();
    const result = await clock.run(watchTasks(options(['42'], { acceptPartial: true }), { fetch, clock, events }));
    expect(result.ended).toBe('done');
    expect(result.outcomes[0]!.kind).toBe('done');
    expect(log).toContain('partial 42');
  });

  it('ends at the deadline with the last known task when it never completes', async () => {
    const clock = virtualClock();
    const { fetch } = scripted({ '42': [task('PROCESSING')] }, clock);
    const result = await clock.run(watchTasks(options(['42'], { timeoutMs: 1_800_000 }), { fetch, clock }));
    expect(result).toMatchObject({ ended: 'deadline', elapsedMs: 1_800_000 });
    expect(result.outcomes[0]).toMatchObject({ kind: 'pending', task: { data: { status: 'PROCESSING' } } });
  });

  it('aborts a poll in flight at the deadline', async () => {
    const clock = virtualClock();
    const fetch = (_id: string, signal: AbortSignal) =>
      new Promise<ApiObject>((_resolve, reject) => signal.addEventListener('abort', () => reject(new Error('aborted'))));
    const result = await clock.run(watchTasks(options(['42'], { timeoutMs: 10_000 }), { fetch, clock }));
    expect(result).toMatchObject({ ended: 'deadline', elapsedMs: 10_000 });
  });

  it('waits without a deadline when the timeout is 0', async () => {
    const clock = virtualClock();
    const steps = [...Array.from({ length: 2000 }, () => task('PROCESSING')), task('COMPLETE')];
    const { fetch } = scripted({ '42': steps }, clock);
    const result = await clock.run(watchTasks(options(['42'], { timeoutMs: 0 }), { fetch, clock }));
    expect(result.ended).toBe('done');
    expect(result.elapsedMs).toBe(2000 * 3000); // 100 minutes: past the default 30m
  });

  it('rides out an outage with growing backoff, reporting it once and its end once', async () => {
    const clock = virtualClock();
    const down = new NetworkError('ECONNREFUSED', 'h', '');
    const { fetch, calls } = scripted({ '42': [task('WAITING'), down, down, new TimeoutError('h', 30_000), down, task('COMPLETE')] }, clock);
    const { log, events } = recorder();
    const result = await clock.run(watchTasks(options(['42']), { fetch, clock, events, random }));
    expect(result.ended).toBe('done');
    const gaps = calls.slice(1).map((c, i) => c.at - calls[i]!.at);
    expect(gaps).toEqual([3000, 3000, 6000, 12_000, 24_000]);
    expect(log.filter((l) => l.startsWith('outage'))).toEqual(['outage 42 NetworkError retry 3000']);
    expect(log.filter((l) => l.startsWith('recovered'))).toEqual(['recovered after 45000']);
  });

  it('keeps jittered backoff within bounds and capped', () => {
    expect(backoffDelay(1, 3000, undefined, () => 0)).toBe(1500);
    expect(backoffDelay(3, 3000, undefined, () => 1)).toBe(12_000);
    expect(backoffDelay(30, 3000, undefined, () => 1)).toBe(60_000);
    expect(backoffDelay(30, 120_000, undefined, () => 1)).toBe(120_000);
    expect(backoffDelay(1, 3000, 10_000, () => 0)).toBe(10_000);
    expect(backoffDelay(1, 3000, 500, () => 0)).toBe(3000);
  });

  it('honours Retry-After on 429 and 503', async () => {
    const clock = virtualClock();
    const { fetch, calls } = scripted({ '42': [apiError(429, 20_000), apiError(503, 7000), task('COMPLETE')] }, clock);
    await clock.run(watchTasks(options(['42']), { fetch, clock, random }));
    expect(calls.map((c) => c.at - 1_000_000)).toEqual([0, 20_000, 27_000]);
  });

  it('ends the whole watch at once on a rejected token, sending no more requests', async () => {
    const clock = virtualClock();
    const { fetch, calls } = scripted({ '42': [task('WAITING'), apiError(401)], '43': [task('WAITING', 43)] }, clock);
    const result = await clock.run(watchTasks(options(['42', '43']), { fetch, clock }));
    expect(result.ended).toBe('auth');
    expect(result.authError).toMatchObject({ status: 401 });
    expect(calls.filter((c) => c.id === '42')).toHaveLength(2);
    expect(calls.filter((c) => c.id === '43').length).toBeLessThanOrEqual(2);
    expect(result.elapsedMs).toBe(3000);
  });

  it('ends only that task on a 404 and keeps watching the others', async () => {
    const clock = virtualClock();
    const { fetch } = scripted({ '42': [task('WAITING'), task('COMPLETE')], '7': [apiError(404)] }, clock);
    const { log, events } = recorder();
    const result = await clock.run(watchTasks(options(['7', '42']), { fetch, clock, events }));
    expect(result.ended).toBe('done');
    expect(result.outcomes.map((o) => o.kind)).toEqual(['failed', 'done']);
    expect(log).toContain('failed 7 404');
  });

  it('names an unknown status once and keeps waiting', async () => {
    const clock = virtualClock();
    const { fetch } = scripted({ '42': [task('QUEUED_ELSEWHERE'), task('QUEUED_ELSEWHERE'), task('COMPLETE')] }, clock);
    const { log, events } = recorder();
    const result = await clock.run(watchTasks(options(['42']), { fetch, clock, events }));
    expect(result.ended).toBe('done');
    expect(log.filter((l) => l.startsWith('unknown'))).toEqual(['unknown 42 QUEUED_ELSEWHERE']);
  });

  it('watches several ids to mixed ends, outcomes in argument order', async () => {
    const clock = virtualClock();
    const { fetch } = scripted(
      { '3': [task('PROCESSING', 3)], '1': [task('WAITING', 1), task('COMPLETE', 1)], '2': [apiError(404)] },
      clock,
    );
    const result = await clock.run(watchTasks(options(['3', '1', '2'], { timeoutMs: 30_000 }), { fetch, clock }));
    expect(result.ended).toBe('deadline');
    expect(result.outcomes.map((o) => o.kind)).toEqual(['pending', 'done', 'failed']);
  });

  it('stops on an interrupt with the last known tasks', async () => {
    const clock = virtualClock();
    const { fetch } = scripted({ '42': [task('PROCESSING')] }, clock);
    const interrupt = new AbortController();
    clock.at(1_000_000 + 7000, () => interrupt.abort());
    const result = await clock.run(watchTasks(options(['42'], { signal: interrupt.signal }), { fetch, clock }));
    expect(result.ended).toBe('interrupted');
    expect(result.outcomes[0]).toMatchObject({ kind: 'pending', task: { data: { status: 'PROCESSING' } } });
    expect(result.elapsedMs).toBe(7000);
  });
});
