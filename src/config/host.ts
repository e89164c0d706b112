// Host normalisation: `console`, `console:8443` or `https://console[:port][/prefix]` → the API base.
import { UsageError } from '../errors.js';

/** `https://host[:port][/prefix]/api` for what a user typed as the console's address. */
export function normaliseHost(input: string, source: string): string {
  const text = input.trim();
  const hint = `give the console's address, e.g. console.example.org, console.example.org:8443 or https://console.example.org (${source})`;
  if (text === '') throw new UsageError(`empty console address in ${source}`, hint);
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new UsageError(`invalid console address '${text}'`, hint);
  }
  if (url.protocol !== 'https:') {
    throw new UsageError(`the QRadar API is served over HTTPS only, not ${url.protocol.replace(':', '')}`, hint);
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new UsageError(`the console address must not carry credentials, a query or a fragment`, hint);
  }
  const prefix = url.pathname.replace(/\/+$/, '').replace(/\/api$/, '');
  return `${url.origin}${prefix}/api`;
}
