// The one HTTPS agent every request of a run shares: keep-alive, so polling many tasks reuses a
// few connections, and a socket cap, so it never opens more than `maxSockets` to the console.
import https from 'node:https';
import { HttpsProxyAgent } from 'hpagent';

/** What the agent needs to know about TLS and connection reuse. */
export interface AgentOptions {
  ca?: string | undefined;
  insecure?: boolean | undefined;
  maxSockets?: number | undefined;
  /** An http(s):// proxy to tunnel through with CONNECT (the TLS session stays end to end). */
  proxy?: string | undefined;
}

/** A keep-alive agent verifying against the given CA (or the system's), unless insecure. */
export function createAgent(options: AgentOptions): https.Agent {
  const settings = {
    keepAlive: true,
    maxSockets: options.maxSockets ?? 8,
    ...(options.ca === undefined ? {} : { ca: options.ca }),
    rejectUnauthorized: !options.insecure,
  };
  // got ignores HTTPS_PROXY; hpagent is the agent got's own documentation points to.
  return options.proxy ? new HttpsProxyAgent({ ...settings, proxy: options.proxy }) : new https.Agent(settings);
}

/** A proxy URL fit to print: any password hidden. */
export function redactProxy(proxy: string): string {
  const url = new URL(proxy);
  if (url.password) url.password = '****';
  return url.href.replace(/\/$/, '');
}
