// `qcase get <id...>`: fetch each task once (with the client's retries) and print it.
import type { ApiObject } from '../api/response.js';
import type { Context } from '../cli/context.js';
import { describeError, reportLines } from '../cli/report.js';
import { ExitCode, mostSerious } from '../errors.js';
import { formatTasks, type OutputFormat } from '../format/task.js';

/** What `get` was asked for, already validated. */
export interface GetOptions {
  ids: string[];
  format: OutputFormat;
  fields?: string | undefined;
}

/** Fetches every id (concurrently, printed in argument order) and returns the exit code. */
export async function runGet(options: GetOptions, context: Context): Promise<number> {
  const client = await context.client();
  const results = await Promise.allSettled(options.ids.map((id) => client.getTask(id, { fields: options.fields })));
  const tasks: ApiObject[] = [];
  const codes: number[] = [];
  results.forEach((result, index) => {
    if (result.status === 'fulfilled') {
      tasks.push(result.value);
      codes.push(ExitCode.ok);
    } else {
      const report = describeError(result.reason, `task ${options.ids[index]}`);
      context.io.stderr.write(reportLines(report));
      codes.push(report.exitCode);
    }
  });
  context.io.stdout.write(await formatTasks(tasks, options.format, context.color));
  return mostSerious(codes);
}
