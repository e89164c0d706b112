// Checks of command-line values, done before any request is sent.
import { UsageError } from '../errors.js';
import type { OutputFormat } from '../format/task.js';

const MAX_LONG = 9223372036854775807n;

/** A task id: a positive whole number that fits QRadar's Long; returned without leading zeros. */
export function parseId(text: string): string {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed) || BigInt(trimmed) <= 0n || BigInt(trimmed) > MAX_LONG) {
    throw new UsageError(`invalid task id '${text}': ids are positive whole numbers`, 'e.g. qcase get 42');
  }
  return BigInt(trimmed).toString();
}

/** The output format from `-o` and `--json` (which must not contradict each other). */
export function resolveOutput(output: string | undefined, json: boolean | undefined): OutputFormat {
  if (json && output !== undefined && output !== 'json') {
    throw new UsageError(`--json contradicts -o ${output}`, 'give one of them');
  }
  if (json) return 'json';
  return (output ?? 'table') as OutputFormat;
}
