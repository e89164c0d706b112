// The table format, in its own module so that json and status output never load cli-table3.
import Table from 'cli-table3';
import type { ApiObject } from '../api/response.js';
import type { Paint } from './paint.js';
import { readTask, textOf, type TaskView } from './task.js';

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
export function formatTable(tasks: ApiObject[], paint: Paint): string {
  const present = (keys: string[]) => tasks.some((t) => keys.some((k) => k in t.data));
  const columns = COLUMNS.filter((c) => present(c.keys));
  const extras = [...new Set(tasks.flatMap((t) => Object.keys(t.data)))].filter((k) => !KNOWN.includes(k));
  const table = new Table({
    head: [...columns.map((c) => c.head), ...extras.map((k) => k.toUpperCase())].map((h) => paint.bold(h)),
    chars: PLAIN_CHARS,
    // cli-table3 colours heads and borders itself unless its style is emptied.
    style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0 },
  });
  for (const task of tasks) {
    const view = readTask(task.data);
    table.push([
      ...columns.map((c) => (c.head === 'STATUS' ? (view.status === undefined ? '-' : paint.status(view.status)) : (c.cell(view) ?? '-'))),
      ...extras.map((k) => textOf(task.data[k]) ?? '-'),
    ]);
  }
  return table.toString().split('\n').map((line) => line.trimEnd()).join('\n') + '\n';
}
