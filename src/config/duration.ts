// Durations as the contract writes them: `500ms`, `3s`, `5m`, `1h`, or a bare number of seconds.
import { UsageError } from '../errors.js';

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Milliseconds for a duration string; a UsageError naming `what` when it is not one. */
export function parseDuration(text: string, what: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)?\s*$/.exec(text);
  if (!match) {
    throw new UsageError(`invalid duration for ${what}: '${text}'`, 'use a number with a unit, e.g. 500ms, 3s, 5m, 1h (a bare number is seconds)');
  }
  return Math.round(Number(match[1]) * UNIT_MS[match[2] ?? 's']!);
}
