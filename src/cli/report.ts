// Every failure as the user sees it: one line saying what happened, one hint saying what to do, and
// the exit code. The one place the contract's exit-code table meets the typed errors.
import { ApiError, NetworkError, TimeoutError, TlsError, UnexpectedResponseError } from '../api/errors.js';
import { ExitCode, UsageError } from '../errors.js';
import { formatElapsed } from '../format/duration.js';

/** What to tell the user about a failure. */
export interface Report {
  message: string;
  hint?: string | undefined;
  exitCode: number;
}

const NETWORK_TEXT: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'the connection was dropped',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed',
  ENETUNREACH: 'network unreachable',
  EHOSTUNREACH: 'host unreachable',
  EPIPE: 'the connection was dropped',
};

function qradarDetail(e: ApiError): string {
  const code = e.qradarCode === undefined ? '' : `, code ${e.qradarCode}`;
  const what = e.qradarMessage ?? (e.contentType ? `${e.statusText || 'error'} (a ${e.contentType.split(';')[0]} page, not QRadar's JSON)` : e.statusText);
  return `(${e.status}${code}): ${what}`;
}

function describeApiError(e: ApiError, subject: string | undefined): Report {
  const at = subject ? `${subject}: ` : '';
  const detail = qradarDetail(e);
  if (e.status === 401) {
    return {
      message: `the console rejected the token ${detail}`,
      hint: 'set QRADAR_SEC_TOKEN (or --token-file) to a valid authorized service token; qcase never retries a rejected token, as QRadar blocks hosts after repeated failures',
      exitCode: ExitCode.auth,
    };
  }
  if (e.status === 403) {
    return {
      message: `the token may not do this ${detail}`,
      hint: 'give the authorized service a user role with the Forensics capability (Admin > Authorized Services)',
      exitCode: ExitCode.auth,
    };
  }
  if (e.status === 404) {
    const unknownEndpoint = e.qradarCode === 4 || !e.fromQRadar;
    return {
      message: unknownEndpoint ? `${at}the console does not know this endpoint ${detail}` : `${subject ?? 'the resource'} not found ${detail}`,
      hint: unknownEndpoint
        ? 'check QRADAR_HOST points at the console, that QRadar Incident Forensics is installed, and the API version'
        : 'check the id: case create task ids come from `qcase create` or the forensics API',
      exitCode: ExitCode.notFound,
    };
  }
  if (e.status === 422 && /has been removed|is not a valid version/i.test(e.qradarMessage ?? '')) {
    return { message: `the console refused the API version ${detail}`, hint: 'set --api-version / QRADAR_API_VERSION to one the console serves (`qcase doctor` lists them), or unset it', exitCode: ExitCode.failure };
  }
  if (e.status === 422 && e.qradarCode === 30) {
    return { message: `${at}the console refused a field ${detail}`, hint: 'check --fields: known fields are id, case_id, case_name, status, assigned_to', exitCode: ExitCode.failure };
  }
  if (e.status === 409) {
    return { message: `${at}the console refused the request ${detail}`, hint: 'the name may be taken: choose another one', exitCode: ExitCode.failure };
  }
  if (e.status === 429) {
    const after = e.retryAfterMs === undefined ? '' : `; it asked to wait ${formatElapsed(e.retryAfterMs)}`;
    return { message: `${at}the console is rate limiting requests ${detail}${after}`, hint: 'try again later', exitCode: ExitCode.failure };
  }
  if (e.status >= 500) {
    return {
      message: `${at}the console failed ${detail}`,
      hint: e.fromQRadar ? 'try again later; if it persists, look at the console\'s logs (/var/log/qradar.error)' : 'a proxy or load balancer in front of the console answered; try again later or check it',
      exitCode: ExitCode.failure,
    };
  }
  return { message: `${at}the console refused the request ${detail}`, hint: 'the message above is QRadar\'s own; correct the request accordingly', exitCode: ExitCode.failure };
}

/**
 * The report for any error a command may meet; `subject` names what it was about (`task 42`) and
 * leads the message when given.
 */
export function describeError(error: unknown, subject?: string): Report {
  const at = subject ? `${subject}: ` : '';
  if (error instanceof UsageError) return { message: error.message, hint: error.hint, exitCode: ExitCode.usage };
  if (error instanceof ApiError) return describeApiError(error, subject);
  if (error instanceof TlsError) {
    return error.hostnameMismatch
      ? {
          message: `the certificate of ${error.host} is not issued for that name (${error.code})`,
          hint: 'use the host name the certificate names (`qcase doctor` shows it), or --insecure to skip verification (not recommended)',
          exitCode: ExitCode.failure,
        }
      : {
          message: `the certificate of ${error.host} is not trusted (${error.code})`,
          hint: 'pass the console\'s CA with --ca-file <pem> or QRADAR_CA_BUNDLE (the whole chain), or --insecure to skip verification (not recommended)',
          exitCode: ExitCode.failure,
        };
  }
  if (error instanceof TimeoutError) {
    return { message: `${at}no answer from ${error.host} within ${formatElapsed(error.timeoutMs)}`, hint: 'check the console is up, or allow longer with --request-timeout / QRADAR_REQUEST_TIMEOUT', exitCode: ExitCode.failure };
  }
  if (error instanceof NetworkError && error.proxy) {
    return {
      message: `${at}cannot reach ${error.host} through the proxy ${error.proxy}: ${NETWORK_TEXT[error.code] ?? error.message} (${error.code})`,
      hint: 'check HTTPS_PROXY, or add the console to NO_PROXY if it should be reached directly',
      exitCode: ExitCode.failure,
    };
  }
  if (error instanceof NetworkError) {
    return {
      message: `${at}cannot reach ${error.host}: ${NETWORK_TEXT[error.code] ?? error.message} (${error.code})`,
      hint: 'check QRADAR_HOST / --host and that the console can be reached from here (proxy: HTTPS_PROXY)',
      exitCode: ExitCode.failure,
    };
  }
  if (error instanceof UnexpectedResponseError) {
    const type = error.contentType?.split(';')[0] ?? 'no content type';
    return error.reason === 'truncated'
      ? { message: `${at}the console's answer was cut short (${error.status}, ${type})`, hint: 'try again; if it repeats, a proxy may be cutting answers', exitCode: ExitCode.failure }
      : {
          message: `${at}expected QRadar's JSON but got ${error.reason === 'not-object' ? 'another JSON value' : type} with status ${error.status}${error.bodyStart ? ` ("${error.bodyStart}")` : ''}`,
          hint: 'QRADAR_HOST should be the console\'s address alone (https://console.example.org); a proxy or login page may be answering instead',
          exitCode: ExitCode.failure,
        };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { message: `unexpected error: ${message}`, hint: 'run again with --debug; if it persists, report it', exitCode: ExitCode.failure };
}

/** The report as the lines printed on stderr. */
export function reportLines(report: Report): string {
  return `qcase: ${report.message}\n${report.hint ? `hint: ${report.hint}\n` : ''}`;
}
