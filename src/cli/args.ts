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

/** A case name as QRadar accepts it at creation: 1-15 letters and digits, no spaces. */
export function parseCaseName(text: string): string {
  if (!/^[A-Za-z0-9]{1,15}$/.test(text)) {
    throw new UsageError(`invalid case name '${text}': use 1 to 15 letters and digits, no spaces`, 'e.g. qcase create Phish42 --assign alice');
  }
  return text;
}

/** `--assign` values: QRadar takes at most one assignee when a case is created. */
export function parseAssignees(values: string[] | undefined): string[] {
  const list = values ?? [];
  if (list.length > 1) throw new UsageError(`--assign was given ${list.length} times; QRadar takes at most one assignee at creation`, 'assign one user now, and others in QRadar afterwards');
  if (list.some((user) => user.trim() === '')) throw new UsageError('--assign needs a user name', 'e.g. --assign alice');
  return list.map((user) => user.trim());
}

/** A `--fields` list that is sure to hold `name` (or one of its aliases): a command that reads a
 * field itself (watch: the status, create --wait: the id) adds it when the user left it out. */
export function withField(fields: string | undefined, name: string, ...aliases: string[]): string | undefined {
  if (fields === undefined) return undefined;
  const names = fields.split(',').map((f) => f.trim());
  return [name, ...aliases].some((n) => names.includes(n)) ? fields : `${fields},${name}`;
}
