// The doctor's report: one line per check, and a `fix:` line under any that is not ok.
import type { Paint } from './paint.js';

/** The outcome of one check. */
export interface CheckResult {
  name: string;
  status: 'ok' | 'warn' | 'fail' | 'skip';
  detail: string;
  fix?: string | undefined;
  /** For a failure: the exit code it stands for. */
  exitCode?: number | undefined;
}

const LABEL: Record<CheckResult['status'], string> = { ok: 'ok  ', warn: 'warn', fail: 'FAIL', skip: 'skip' };

/** `ok    token: accepted; QRadar 7.5.0` and, when not ok, `      fix: ...`. */
export function formatCheck(check: CheckResult, paint: Paint): string {
  const label = check.status === 'ok' ? paint.ok(LABEL.ok) : check.status === 'skip' ? LABEL.skip : paint.bad(LABEL[check.status]);
  const fix = check.fix && check.status !== 'ok' ? `      fix: ${check.fix}\n` : '';
  return `${label}  ${check.name}: ${check.detail}\n${fix}`;
}
