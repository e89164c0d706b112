// The flags of `watch` (and `create --wait`) checked and turned into numbers.
import { UsageError } from '../errors.js';
import { parseDuration } from '../config/duration.js';

/** Validated watch settings. */
export interface WatchSettings {
  intervalMs: number;
  timeoutMs: number;
  acceptPartial: boolean;
  quiet: boolean;
}

/** `--interval` (> 0, default 3s), `--timeout` (0 = none, default 30m), `--accept-partial`, `-q`. */
export function parseWatchFlags(flags: { interval?: string | undefined; timeout?: string | undefined; acceptPartial?: boolean | undefined; quiet?: boolean | undefined }): WatchSettings {
  const intervalMs = parseDuration(flags.interval ?? '3s', '--interval');
  if (intervalMs <= 0) throw new UsageError('--interval must be more than 0', 'e.g. --interval 3s');
  return {
    intervalMs,
    timeoutMs: parseDuration(flags.timeout ?? '30m', '--timeout'),
    acceptPartial: Boolean(flags.acceptPartial),
    quiet: Boolean(flags.quiet),
  };
}
