// Exit codes and the errors that carry them: the one place the contract's exit-code table lives.

/** The contract's exit codes (shared/CLI-CONTRACT.md). */
export const ExitCode = {
  ok: 0,
  failure: 1,
  usage: 2,
  notFound: 3,
  auth: 4,
  deadline: 124,
  interrupted: 130,
  terminated: 143,
} as const;

/** What each exit code means, for `qcase help exit-codes` (the contract's table). */
export const EXIT_CODE_MEANINGS: ReadonlyArray<readonly [number, string]> = [
  [ExitCode.ok, 'success: every task retrieved / done'],
  [ExitCode.failure, 'failure: server error, network or TLS failure, unexpected response, any other 4xx (409, 422)'],
  [ExitCode.usage, 'usage or configuration error: bad argument, missing host or token, unreadable file'],
  [ExitCode.notFound, 'not found (404)'],
  [ExitCode.auth, 'authentication or permission (401, 403)'],
  [ExitCode.deadline, '`watch` deadline passed before the tasks were done'],
  [ExitCode.interrupted, 'interrupted (SIGINT)'],
  [ExitCode.terminated, 'terminated (SIGTERM)'],
];

/** A bad argument, flag or setting, found before anything is sent: exit 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

// Most serious first: with several ids the exit code is the first of these that occurred.
const SEVERITY: readonly number[] = [
  ExitCode.terminated,
  ExitCode.interrupted,
  ExitCode.usage,
  ExitCode.auth,
  ExitCode.failure,
  ExitCode.notFound,
  ExitCode.deadline,
  ExitCode.ok,
];

/** The exit code of the most serious outcome among several (contract: 2, 4, 1, 3, 124, 0). */
export function mostSerious(codes: Iterable<number>): number {
  let best: number = ExitCode.ok;
  for (const code of codes) {
    const rank = SEVERITY.indexOf(code);
    if (rank !== -1 && rank < SEVERITY.indexOf(best)) best = code;
  }
  return best;
}
