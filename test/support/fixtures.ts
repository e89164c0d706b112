// Test data: QRadar's own sample bodies (test/fixtures/qradar, copied verbatim from
// shared/qradar/samples) and small builders for tasks.
import { readFileSync } from 'node:fs';

const dir = new URL('../fixtures/qradar/', import.meta.url);

/** A sample body by file name, as text. */
export function sampleText(name: string): string {
  return readFileSync(new URL(name, dir), 'utf8');
}

/** A sample body by file name, parsed. */
export function sample(name: string): Record<string, unknown> {
  return JSON.parse(sampleText(name)) as Record<string, unknown>;
}

export const SAMPLES = {
  unauthorized: 'error_401_code18_no_sec_header.ibm_count-mvs.json',
  forbidden: 'error_403_code26_insufficient_capabilities.mock-radar.json',
  notFound: 'error_404_1002.ibm_doc_example.json',
  unknownEndpoint: 'error_404_code4_unknown_endpoint.mock-radar.template.json',
  unknownField: 'error_422_code30_unknown_field.mock-radar.json',
  invalidParam: 'error_422_code1005_invalid_param.demisto_qradar_v3_devnotes.json',
  serverError: 'error_500_code1020.demisto_qradar_v3_devnotes.json',
  transformFailed: 'error_500_code13_transform_failed.qradar2thehive_issue1.json',
  about: 'system_about.ibm_count-mvs.json',
  versions: 'help_versions.doc_response_sample.v26.json',
  docTask: 'case_create_task.doc_response_sample.v26.json',
} as const;

/** QRadar's 404 for a case create task id that does not exist (code 1002, endpoint's own message). */
export function taskNotFoundBody(): Record<string, unknown> {
  return { ...sample(SAMPLES.notFound), message: 'No case create task was found for the provided ID', description: '' };
}

/** A case create task as the endpoint documents its fields. */
export function aTask(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { assigned_to: ['alice'], case_id: 7, case_name: 'Phish42', id: 42, status: 'WAITING', ...overrides };
}
