// Formatters: tasks in, text out. No I/O; colour only when asked.
import Table from 'cli-table3';
import { Chalk, type ChalkInstance } from 'chalk';
import type { ApiObject } from '../api/response.js';

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

const text = (value: unknown): string | undefined =>
  value === undefined || value === null ? undefined : typeof value === 'object' ? JSON.stringify(value) : String(value);

/** Reads a task whichever of the documented field names it uses. */
export function readTask(data: Record<string, unknown>): TaskView {
  const assigned = data.assigned_to;
  return {
    id: text(data.id),
    caseId: text(data.case_id),
    name: text(data.case_name ?? data.name),
    status: text(data.status ?? data.state),
    assignedTo: Array.isArray(assigned) ? assigned.map(String) : assigned === undefined || assigned === null ? undefined : [String(assigned)],
  };
}

function paintStatus(chalk: ChalkInstance, status: string | undefined): string {
  switch (status) {
    case undefined:
      return '-';
    case 'COMPLETE':
      return chalk.green(status);
    case 'PARTIALLY_COMPLETE':
      return chalk.yellow(status);
    case 'PROCESSING':
      return chalk.cyan(status);
    case 'WAITING':
      return chalk.blue(status);
    default:
      return chalk.magenta(status);
  }
}

const KNOWN = ['id', 'case_id', 'case_name', 'name', 'status', 'state', 'assigned_to'];
const COLUMNS: Array<{ head: string; keys: string[]; cell: (v: TaskView) => string | undefined }> = [
  { head: 'ID', keys: ['id'], cell: (v) => v.id },
  { head: 'CASE ID', keys: ['case_id'], cell: (v) => v.caseId },
  { head: 'NAME', keys: ['case_name', 'name'], cell: (v) => v.name },
  { head: 'STATUS', keys: ['status', 'state'], cell: (v) => v.status },
  { head: 'ASSIGNED TO', keys: ['assigned_to'], cell: (v) => v.assignedTo?.join(', ') },
];

// Borderless, like `kubectl get` and `gh`: easy to read, easy to grep.
const PLAIN_CHARS = {
  top: '', 'top-mid': '', 'top-left': '', 'top-right': '', bottom: '', 'bottom-mid': '', 'bottom-left': '',
  'bottom-right': '', left: '', 'left-mid': '', mid: '', 'mid-mid': '', right: '', 'right-mid': '', middle: '  ',
};

/** One table for all tasks: the known columns present in any task, then any other fields. */
export function formatTable(tasks: ApiObject[], color: boolean): string {
  const chalk = new Chalk({ level: color ? 1 : 0 });
  const present = (keys: string[]) => tasks.some((t) => keys.some((k) => k in t.data));
  const columns = COLUMNS.filter((c) => present(c.keys));
  const extras = [...new Set(tasks.flatMap((t) => Object.keys(t.data)))].filter((k) => !KNOWN.includes(k));
  const table = new Table({
    head: [...columns.map((c) => c.head), ...extras.map((k) => k.toUpperCase())].map((h) => chalk.bold(h)),
    chars: PLAIN_CHARS,
    style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0 },
  });
  for (const task of tasks) {
    const view = readTask(task.data);
    table.push([
      ...columns.map((c) => (c.head === 'STATUS' ? paintStatus(chalk, view.status) : (c.cell(view) ?? '-'))),
      ...extras.map((k) => text(task.data[k]) ?? '-'),
    ]);
  }
  return table.toString().split('\n').map((line) => line.trimEnd()).join('\n') + '\n';
}

/** The task exactly as QRadar sent it, one document per line-terminated block, for jq. */
export function formatJson(task: ApiObject): string {
  return `${task.raw}\n`;
}

/** `ID STATUS key=value...`: id and status first, for `read id status rest` in shell scripts. */
export function formatStatusLine(task: ApiObject, color: boolean): string {
  const chalk = new Chalk({ level: color ? 1 : 0 });
  const v = readTask(task.data);
  const parts = [v.id ?? '-', paintStatus(chalk, v.status)];
  if (v.caseId !== undefined) parts.push(`case_id=${v.caseId}`);
  if (v.name !== undefined) parts.push(`name=${v.name}`);
  if (v.assignedTo !== undefined && v.assignedTo.length > 0) parts.push(`assigned_to=${v.assignedTo.join(',')}`);
  return `${parts.join(' ')}\n`;
}

/** All tasks in the chosen format, in the order given. */
export function formatTasks(tasks: ApiObject[], format: OutputFormat, color: boolean): string {
  if (tasks.length === 0) return '';
  if (format === 'table') return formatTable(tasks, color);
  return tasks.map((t) => (format === 'json' ? formatJson(t) : formatStatusLine(t, color))).join('');
}
