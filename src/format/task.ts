// Formatters: tasks in, text out. No I/O. The table and colour modules load only when used.
import type { ApiObject } from '../api/response.js';
import { loadPaint, plain, type Paint } from './paint.js';

/** The contract's three output formats. */
export const OUTPUT_FORMATS = ['table', 'json', 'status'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** The fields of a task under either of the names the docs use (case_name/name, status/state). */
export interface TaskView {
  id: string | undefined;
  caseId: string | undefined;
  name: string | undefined;
  status: string | undefined;
  assignedTo: string[] | undefined;
}

/** A field as display text. */
export const textOf = (value: unknown): string | undefined =>
  value === undefined || value === null ? undefined : typeof value === 'object' ? JSON.stringify(value) : String(value);

/** Reads a task whichever of the documented field names it uses. */
export function readTask(data: Record<string, unknown>): TaskView {
  const assigned = data.assigned_to;
  return {
    id: textOf(data.id),
    caseId: textOf(data.case_id),
    name: textOf(data.case_name ?? data.name),
    status: textOf(data.status ?? data.state),
    assignedTo: Array.isArray(assigned) ? assigned.map(String) : assigned === undefined || assigned === null ? undefined : [String(assigned)],
  };
}

/** The task exactly as QRadar sent it, one document per task, for jq. */
export function formatJson(task: ApiObject): string {
  return `${task.raw}\n`;
}

/** `ID STATUS key=value...`: id and status first, for `read id status rest` in shell scripts. */
export function formatStatusLine(task: ApiObject, paint: Paint = plain): string {
  const v = readTask(task.data);
  const parts = [v.id ?? '-', v.status === undefined ? '-' : paint.status(v.status)];
  if (v.caseId !== undefined) parts.push(`case_id=${v.caseId}`);
  if (v.name !== undefined) parts.push(`name=${v.name}`);
  if (v.assignedTo !== undefined && v.assignedTo.length > 0) parts.push(`assigned_to=${v.assignedTo.join(',')}`);
  return `${parts.join(' ')}\n`;
}

/** All tasks in the chosen format, in the order given. */
export async function formatTasks(tasks: ApiObject[], format: OutputFormat, color: boolean): Promise<string> {
  if (tasks.length === 0) return '';
  if (format === 'json') return tasks.map(formatJson).join('');
  const paint = await loadPaint(color);
  if (format === 'status') return tasks.map((t) => formatStatusLine(t, paint)).join('');
  const { formatTable } = await import('./table.js');
  return formatTable(tasks, paint);
}
