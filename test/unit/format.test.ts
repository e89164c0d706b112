import { describe, expect, it } from '@jest/globals';
import { formatJson, formatStatusLine, formatTasks, readTask } from '../../src/format/task.js';
import { formatTable } from '../../src/format/table.js';
import { loadPaint, plain } from '../../src/format/paint.js';
import { formatElapsed } from '../../src/format/duration.js';
import { aTask, sampleText, SAMPLES } from '../support/fixtures.js';
import { parseObjectBody } from '../../src/api/response.js';

const obj = (data: Record<string, unknown>) => ({ raw: JSON.stringify(data), data });
const ESC = '\u001b[';

describe('readTask', () => {
  it('reads case_name/status and the doc sample\'s name/state alike', () => {
    expect(readTask(aTask({ status: 'COMPLETE' }))).toMatchObject({ id: '42', caseId: '7', name: 'Phish42', status: 'COMPLETE', assignedTo: ['alice'] });
    const doc = parseObjectBody(200, 'application/json', sampleText(SAMPLES.docTask));
    expect(readTask(doc.data)).toMatchObject({ id: '42', name: 'String', status: expect.stringContaining('COMPLETE') });
    expect(readTask({ id: 1, name: 'n', state: 'WAITING' })).toMatchObject({ name: 'n', status: 'WAITING' });
  });
});

describe('formatTable', () => {
  it('has a header and a row per task, without colour when asked for none', () => {
    const text = formatTable([obj(aTask()), obj(aTask({ id: 43, status: 'COMPLETE', assigned_to: ['a', 'b'] }))], plain);
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID\s+CASE ID\s+NAME\s+STATUS\s+ASSIGNED TO$/);
    expect(lines[1]).toMatch(/^42\s+7\s+Phish42\s+WAITING\s+alice$/);
    expect(lines[2]).toMatch(/^43\s+7\s+Phish42\s+COMPLETE\s+a, b$/);
    expect(text).not.toContain(ESC);
  });

  it('colours the status when colour is on', async () => {
    const text = formatTable([obj(aTask({ status: 'COMPLETE' }))], await loadPaint(true));
    expect(text).toContain(`${ESC}32mCOMPLETE`);
  });

  it('shows only the fields QRadar sent (with --fields) and any it added', () => {
    const text = formatTable([obj({ id: 42, status: 'WAITING', extra_field: 'x' })], plain);
    expect(text.split('\n')[0]).toMatch(/^ID\s+STATUS\s+EXTRA_FIELD$/);
  });
});

describe('formatJson', () => {
  it('prints the body exactly as QRadar sent it, ids beyond 2^53 included', () => {
    const raw = '{"id":9223372036854775807,"status":"COMPLETE"}';
    const text = formatJson({ raw, data: JSON.parse(raw) as Record<string, unknown> });
    expect(text).toBe(`${raw}\n`);
  });

  it('prints several tasks as a stream of documents', async () => {
    const text = await formatTasks([obj(aTask()), obj(aTask({ id: 43 }))], 'json', false);
    const docs = text.trim().split('\n').map((line) => JSON.parse(line) as { id: number });
    expect(docs.map((d) => d.id)).toEqual([42, 43]);
  });
});

describe('formatStatusLine', () => {
  it('puts id and status first', () => {
    expect(formatStatusLine(obj(aTask({ status: 'PROCESSING' })))).toBe('42 PROCESSING case_id=7 name=Phish42 assigned_to=alice\n');
    expect(formatStatusLine(obj({ id: 5, state: 'WAITING' }))).toBe('5 WAITING\n');
  });
});

describe('formatElapsed', () => {
  it.each([
    [0, '0s'],
    [250, '250ms'],
    [45_000, '45s'],
    [185_000, '3m05s'],
    [3_720_000, '1h02m'],
  ])('%d ms is %s', (ms, text) => expect(formatElapsed(ms)).toBe(text));
});
