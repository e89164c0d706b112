// `qcase create <name>`: POST a case, print the case create task QRadar returns; with --wait,
// watch that task exactly as `qcase watch` does.
import { NetworkError, TimeoutError } from '../api/errors.js';
import { withField } from '../cli/args.js';
import type { Context } from '../cli/context.js';
import { describeError, reportLines } from '../cli/report.js';
import type { WatchSettings } from '../cli/watch-flags.js';
import { ExitCode } from '../errors.js';
import { formatTasks, readTask, type OutputFormat } from '../format/task.js';
import { runWatch } from './watch.js';

/** What `create` was asked for, already validated. */
export interface CreateOptions extends WatchSettings {
  name: string;
  assignees: string[];
  wait: boolean;
  format: OutputFormat;
  fields?: string | undefined;
}

/** Creates the case (never retried: a POST is not idempotent) and returns the exit code. */
export async function runCreate(options: CreateOptions, context: Context): Promise<number> {
  const { io } = context;
  if (options.assignees.length === 0) {
    context.warn('no --assign: a case an authorized service creates without an assignee is visible to administrators only');
  }
  const client = await context.client();
  let task;
  try {
    task = await client.createCase(options.name, options.assignees, { fields: options.wait ? withField(options.fields, 'id') : options.fields });
  } catch (error) {
    const report = describeError(error, `case ${options.name}`);
    // The POST may have reached the console before the connection failed: say so, never resend.
    const unsure = error instanceof NetworkError || error instanceof TimeoutError;
    io.stderr.write(reportLines(unsure ? { ...report, hint: `the case may have been created before the connection failed: look for ${options.name} in QRadar before trying again` } : report));
    return report.exitCode;
  }
  if (!options.wait) {
    io.stdout.write(await formatTasks([task], options.format, context.color));
    return ExitCode.ok;
  }
  const id = readTask(task.data).id;
  if (id === undefined) {
    io.stderr.write(`qcase: the console created case ${options.name} but its answer has no task id to watch\nhint: find the task with the forensics API, then 'qcase watch <id>'\n`);
    return ExitCode.failure;
  }
  if (!options.quiet) io.stderr.write(`qcase: created case create task ${id} for case ${options.name}; waiting for it\n`);
  return runWatch({ ...options, ids: [id] }, context, client);
}
