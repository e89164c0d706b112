// The QRadar client: the only module that speaks HTTP. It adds the SEC header (commands never see
// the token), maps every failure to a typed error, and never prints or exits.
import type https from 'node:https';
import type { Got, RequestError } from 'got';
import pLimit from 'p-limit';
import { ApiError, NetworkError, TimeoutError, TlsError, UnexpectedResponseError, isAuthFailure } from './errors.js';
import { type ApiObject, type ApiValue, headerValue, parseJsonBody, parseObjectBody, toApiError } from './response.js';
import { createAgent, redactProxy } from './agent.js';

/** How to reach the console and how hard to try. */
export interface ClientOptions {
  /** `https://host[:port]/api`, already normalised by config. */
  baseUrl: string;
  token: string;
  apiVersion?: string | undefined;
  ca?: string | undefined;
  insecure?: boolean | undefined;
  /** Tunnel through this proxy (already chosen for the console's URL, NO_PROXY applied). */
  proxy?: string | undefined;
  timeoutMs: number;
  /** Automatic retries of a GET on transient faults (POST is never retried). */
  retries: number;
  /** First backoff step; doubles per retry. Tests shorten it. */
  retryBaseMs?: number | undefined;
  /** Requests in flight at once; also the cap on connections. */
  concurrency?: number | undefined;
  agent?: https.Agent | undefined;
  /** --debug: one line per request, response and retry, token redacted. */
  log?: ((line: string) => void) | undefined;
  /** Called once per run when the console says the API version is deprecated. */
  onDeprecated?: ((notice: string) => void) | undefined;
}

/** Per-call options. */
export interface CallOptions {
  fields?: string | undefined;
  signal?: AbortSignal | undefined;
  /** Overrides ClientOptions.retries for this call (the watch loop does its own). */
  retries?: number | undefined;
  /** Extra headers, e.g. Range. */
  headers?: Record<string, string> | undefined;
}

/** What commands can ask of QRadar. */
export interface QRadarClient {
  getTask(id: string, options?: CallOptions): Promise<ApiObject>;
  createCase(name: string, assignedTo: string[], options?: CallOptions): Promise<ApiObject>;
  getJson(path: string, options?: CallOptions): Promise<ApiValue>;
  /** Closes kept-alive connections so the process can end. */
  close(): void;
}

const TASKS = 'forensics/case_management/case_create_tasks';
const CASES = 'forensics/case_management/cases';
const TLS_CODE = /CERT|SELF_SIGNED|ERR_TLS|ERR_SSL|UNABLE_TO_|EPROTO/;

/** Builds a client; got is imported here, on first need, to keep start-up fast. */
export async function createClient(options: ClientOptions): Promise<QRadarClient> {
  const { default: got } = await import('got');
  const agent = options.agent ?? createAgent({ ca: options.ca, insecure: options.insecure, maxSockets: options.concurrency, proxy: options.proxy });
  const proxy = options.proxy ? redactProxy(options.proxy) : undefined;
  if (proxy) options.log?.(`via proxy ${proxy}`);
  const host = new URL(options.baseUrl).host;
  const log = options.log;
  const base = options.retryBaseMs ?? 1000;
  let warnedDeprecated = false;

  const http: Got = got.extend({
    prefixUrl: options.baseUrl,
    agent: { https: agent },
    headers: {
      SEC: options.token,
      Accept: 'application/json',
      'User-Agent': 'qcase',
      ...(options.apiVersion ? { Version: options.apiVersion } : {}),
    },
    timeout: { request: options.timeoutMs },
    responseType: 'text',
    // QRadar's answers are small JSON; no Accept-Encoding keeps zlib out of every run (build.mjs).
    decompress: false,
    retry: {
      limit: options.retries,
      methods: ['GET'],
      statusCodes: [429, 500, 502, 503, 504, 520, 521, 522, 523, 524],
      enforceRetryRules: true,
      // got has decided a retry is allowed. A 2xx whose body was cut off is not retried (the
      // contract: a truncated body is a failure); otherwise Retry-After, else exponential with jitter.
      calculateDelay: ({ attemptCount, retryAfter, computedValue, error }) => {
        const status = error.response?.statusCode ?? 0;
        if (status >= 200 && status < 300) return 0;
        return retryAfter ? computedValue : Math.min(base * 2 ** (attemptCount - 1), 30_000) * (0.75 + Math.random() * 0.5);
      },
      maxRetryAfter: 60_000,
    },
    hooks: {
      beforeRequest: [(request) => void log?.(`> ${request.method} ${String(request.url)} ${redactedHeaders(request.headers)}`)],
      beforeRetry: [(error: RequestError, count: number) => log?.(`! retry ${count} after ${error.code ?? error.name}`)],
      afterResponse: [
        (response) => {
          log?.(`< ${response.statusCode} ${response.statusMessage ?? ''} ${response.requestUrl.pathname} (${Math.round(response.timings.phases.total ?? 0)} ms)`);
          const deprecated = headerValue(response.headers['deprecated']);
          if (deprecated !== undefined && !warnedDeprecated) {
            warnedDeprecated = true;
            options.onDeprecated?.(deprecated);
          }
          // got destroys the request as soon as this hook returns; if node:http has not yet handed
          // the socket back to the agent, that destroys a kept-alive connection (seen: 93 TLS
          // connections for 540 polls). One turn of the event loop lets the socket go back first.
          return new Promise((resolve) => setImmediate(() => resolve(response)));
        },
      ],
    },
  });

  // Until the console has accepted the token once, requests go one at a time: a rejected token is
  // then sent exactly once, however many ids were asked for (QRadar locks out repeated failures).
  let tokenAccepted = false;
  let rejection: ApiError | undefined;
  let queue: Promise<void> = Promise.resolve();
  const limit = pLimit(options.concurrency ?? 8);

  async function gated<T>(send: () => Promise<T>): Promise<T> {
    if (tokenAccepted) return limit(send);
    const previous = queue;
    let release!: () => void;
    queue = new Promise((resolve) => (release = resolve));
    await previous;
    try {
      if (rejection) throw rejection;
      if (tokenAccepted) return await limit(send);
      const result = await limit(send);
      tokenAccepted = true;
      return result;
    } catch (error) {
      if (isAuthFailure(error)) rejection = error;
      else if (error instanceof ApiError || error instanceof UnexpectedResponseError) tokenAccepted = true;
      throw error;
    } finally {
      release();
    }
  }

  // `fields` is a query parameter on GETs but a header on the POST that creates a case.
  async function send(method: 'GET' | 'POST', path: string, call: CallOptions, json?: unknown): Promise<{ status: number; contentType: string | undefined; body: string }> {
    const fieldsHeader = method === 'POST' && call.fields ? { fields: call.fields } : {};
    const headers = { ...call.headers, ...fieldsHeader };
    try {
      const response = await http(path, {
        method,
        ...(method === 'GET' && call.fields ? { searchParams: { fields: call.fields } } : {}),
        ...(Object.keys(headers).length > 0 ? { headers } : {}),
        ...(json === undefined ? {} : { json }),
        ...(call.signal ? { signal: call.signal } : {}),
        ...(method === 'POST' ? { retry: { limit: 0 } } : call.retries === undefined ? {} : { retry: { limit: call.retries } }),
      });
      return { status: response.statusCode, contentType: headerValue(response.headers['content-type']), body: response.body };
    } catch (error) {
      throw translate(error, path, host, options.timeoutMs, proxy);
    }
  }

  return {
    getTask(id, call = {}) {
      return gated(async () => {
        const r = await send('GET', `${TASKS}/${encodeURIComponent(id)}`, call);
        return parseObjectBody(r.status, r.contentType, r.body);
      });
    },
    createCase(name, assignedTo, call = {}) {
      return gated(async () => {
        const r = await send('POST', CASES, call, { name, assigned_to: assignedTo });
        return parseObjectBody(r.status, r.contentType, r.body);
      });
    },
    getJson(path, call = {}) {
      return gated(async () => {
        const r = await send('GET', path.replace(/^\/+/, ''), call);
        return parseJsonBody(r.status, r.contentType, r.body);
      });
    },
    close() {
      agent.destroy();
    },
  };
}

function redactedHeaders(headers: Record<string, unknown>): string {
  return Object.entries(headers)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `${name}: ${name.toLowerCase() === 'sec' || name.toLowerCase() === 'authorization' ? '[redacted]' : String(value)}`)
    .join('; ');
}

// got's own errors name the full URL and carry the request options (and so the token): only the
// facts we need cross this line.
function translate(error: unknown, path: string, host: string, timeoutMs: number, proxy: string | undefined): unknown {
  if (!error || typeof error !== 'object' || !('name' in error)) return error;
  const e = error as RequestError;
  if (e.name === 'AbortError' || e.name === 'CancelError') return e;
  const response = e.response;
  if (e.name === 'HTTPError' && response) {
    return toApiError(response.statusCode, response.statusMessage ?? '', path, response.headers, String(response.body ?? ''));
  }
  if (e.name === 'TimeoutError' || e.code === 'ETIMEDOUT') return new TimeoutError(host, timeoutMs);
  const code = e.code ?? 'ERR_UNKNOWN';
  if (TLS_CODE.test(code)) return new TlsError(code, host, e.message.replace(/https?:\/\/\S+/g, host));
  if (response && response.statusCode >= 200 && response.statusCode < 300) {
    // Headers arrived, then the body was cut off.
    return new UnexpectedResponseError(response.statusCode, headerValue(response.headers['content-type']), 'truncated', '');
  }
  // hpagent reports a refused CONNECT as a plain Error: 'Bad response: 407'.
  const proxyStatus = /^Bad response: (\d+)/.exec(e.message)?.[1];
  if (proxyStatus) return new NetworkError('EPROXY', host, `the proxy answered ${proxyStatus} to CONNECT`, proxy);
  return new NetworkError(code, host, e.message.replace(/https?:\/\/\S+/g, host), proxy);
}
