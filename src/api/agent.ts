// The one HTTPS agent every request of a run shares: keep-alive, so polling many tasks reuses a
// few connections, and a socket cap, so it never opens more than `maxSockets` to the console.
import https from 'node:https';

/** What the agent needs to know about TLS and connection reuse. */
export interface AgentOptions {
  ca?: string | undefined;
  insecure?: boolean | undefined;
  maxSockets?: number | undefined;
}

/** A keep-alive agent verifying against the given CA (or the system's), unless insecure. */
export function createAgent(options: AgentOptions): https.Agent {
  return new https.Agent({
    keepAlive: true,
    maxSockets: options.maxSockets ?? 8,
    ...(options.ca === undefined ? {} : { ca: options.ca }),
    rejectUnauthorized: !options.insecure,
  });
}
