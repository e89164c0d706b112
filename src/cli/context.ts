// The lazy factory commands receive (after gh's cmdutil.Factory): streams, settings and a client,
// each made on first use, so a command that needs no network loads no HTTP code.
import type { QRadarClient, ClientOptions } from '../api/client.js';
import { type Settings, type ConnectionFlags, resolveSettings, requireConnection } from '../config/config.js';
import { readAll, useColor, type IOStreams } from '../io/streams.js';

/** Flags every command has. */
export interface GlobalOptions extends ConnectionFlags {
  debug?: boolean | undefined;
  color?: boolean | undefined;
}

/** Signals the program reacts to; `process` in production, an emitter in tests. */
export interface SignalSource {
  on(signal: 'SIGINT' | 'SIGTERM', handler: () => void): unknown;
  off(signal: 'SIGINT' | 'SIGTERM', handler: () => void): unknown;
}

/** Time, injectable so the watch loop is tested without waiting. */
export interface Clock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** What a command may use. */
export interface Context {
  io: IOStreams;
  global: GlobalOptions;
  /** Whether stdout output is coloured. */
  color: boolean;
  signals: SignalSource;
  clock: Clock;
  settings(): Promise<Settings>;
  client(overrides?: Partial<ClientOptions>): Promise<QRadarClient>;
  /** A warning on stderr. */
  warn(message: string): void;
  /** Closes what the command opened. */
  dispose(): void;
}

/** Real time: Date.now and a sleep that an AbortSignal cuts short. */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise((resolve) => {
      if (signal?.aborted) return resolve();
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
      }
      signal?.addEventListener('abort', done, { once: true });
    }),
};

/** Test seams beyond the streams: signals and clock. */
export interface ContextDeps {
  signals?: SignalSource;
  clock?: Clock;
}

/** Builds the context for one run. */
export function createContext(io: IOStreams, global: GlobalOptions, deps: ContextDeps = {}): Context {
  let settings: Promise<Settings> | undefined;
  const clients: QRadarClient[] = [];
  const warn = (message: string) => io.stderr.write(`qcase: warning: ${message}\n`);
  const context: Context = {
    io,
    global,
    color: useColor(io.stdoutIsTTY, io.env, global.color === false),
    signals: deps.signals ?? process,
    clock: deps.clock ?? systemClock,
    warn,
    settings() {
      settings ??= resolveSettings(global, { env: io.env, cwd: io.cwd, readStdin: () => readAll(io.stdin) });
      return settings;
    },
    async client(overrides = {}) {
      const connection = requireConnection(await context.settings());
      if (connection.insecure) warn("TLS verification is off (--insecure / QRADAR_INSECURE): the console's identity is not checked");
      const { createClient } = await import('../api/client.js');
      const client = await createClient({
        ...connection,
        retries: 2,
        log: global.debug ? (line) => io.stderr.write(`debug: ${line}\n`) : undefined,
        onDeprecated: (notice) =>
          warn(`the console says API version ${connection.apiVersion ?? '(newest)'} is deprecated (${notice}); set --api-version / QRADAR_API_VERSION to a current one`),
        ...overrides,
      });
      clients.push(client);
      return client;
    },
    dispose() {
      for (const client of clients) client.close();
    },
  };
  return context;
}
