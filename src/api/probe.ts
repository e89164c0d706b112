// Low-level probes for `qcase doctor`: can the console's name be resolved and its port reached, and
// does its certificate verify. They report facts and never print.
import { lookup } from 'node:dns/promises';
import http from 'node:http';
import net from 'node:net';
import tls from 'node:tls';

/** The certificate the console presented, in the terms a user compares with --ca-file. */
export interface CertificateFacts {
  subject: string;
  issuer: string;
  names: string[];
  validTo: string;
  selfSigned: boolean;
}

/** How the TLS handshake went when verification was asked for. */
export interface TlsProbe {
  /** Undefined when the chain and the name verify; else Node's code (e.g. SELF_SIGNED_CERT_IN_CHAIN). */
  failure?: string | undefined;
  certificate: CertificateFacts;
  protocol: string | null;
}

const dn = (fields: Record<string, unknown> | undefined): string =>
  Object.entries(fields ?? {})
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('+') : String(v)}`)
    .join(', ');

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(Object.assign(new Error(`${what}: no answer within ${ms} ms`), { code: 'ETIMEDOUT' })), ms);
    }),
  ]);
}

/** Resolves `host` (all addresses) and times a TCP connection to `port`. */
export async function probeTcp(host: string, port: number, timeoutMs: number): Promise<{ addresses: string[]; connectMs: number }> {
  const addresses = net.isIP(host) ? [host] : (await withTimeout(lookup(host, { all: true }), timeoutMs, 'name lookup')).map((a) => a.address);
  const started = Date.now();
  await withTimeout(
    new Promise<void>((resolve, reject) => {
      const socket = net.connect({ host, port });
      socket.once('connect', () => {
        socket.destroy();
        resolve();
      });
      socket.once('error', reject);
    }),
    timeoutMs,
    'connect',
  );
  return { addresses, connectMs: Date.now() - started };
}

/** A raw socket to host:port through an HTTP CONNECT proxy. */
export function openTunnel(proxy: string, host: string, port: number, timeoutMs: number): Promise<net.Socket> {
  const url = new URL(proxy);
  const headers: Record<string, string> = { host: `${host}:${port}` };
  if (url.username || url.password) {
    headers['proxy-authorization'] = `Basic ${Buffer.from(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`).toString('base64')}`;
  }
  return withTimeout(
    new Promise<net.Socket>((resolve, reject) => {
      const request = http.request({ host: url.hostname, port: Number(url.port) || 80, method: 'CONNECT', path: `${host}:${port}`, headers });
      request.once('connect', (response, socket) => {
        if (response.statusCode === 200) return resolve(socket);
        socket.destroy();
        reject(Object.assign(new Error(`the proxy answered ${response.statusCode} to CONNECT`), { code: 'EPROXY' }));
      });
      request.once('error', reject);
      request.end();
    }),
    timeoutMs,
    'proxy CONNECT',
  );
}

/** Completes a TLS handshake without failing on the certificate, then says whether it verifies. */
export async function probeTls(
  host: string,
  port: number,
  options: { ca?: string | undefined; timeoutMs: number; socket?: net.Socket | undefined },
): Promise<TlsProbe> {
  const socket = await withTimeout(
    new Promise<tls.TLSSocket>((resolve, reject) => {
      const s = tls.connect({
        host,
        port,
        ...(options.socket ? { socket: options.socket } : {}),
        ...(net.isIP(host) ? {} : { servername: host }),
        ...(options.ca === undefined ? {} : { ca: options.ca }),
        rejectUnauthorized: false,
      });
      s.once('secureConnect', () => resolve(s));
      s.once('error', reject);
    }),
    options.timeoutMs,
    'TLS handshake',
  );
  try {
    const peer = socket.getPeerCertificate();
    const certificate: CertificateFacts = {
      subject: dn(peer.subject as unknown as Record<string, unknown>),
      issuer: dn(peer.issuer as unknown as Record<string, unknown>),
      names: (peer.subjectaltname ?? '').split(',').map((n) => n.trim()).filter(Boolean),
      validTo: peer.valid_to,
      selfSigned: dn(peer.subject as unknown as Record<string, unknown>) === dn(peer.issuer as unknown as Record<string, unknown>),
    };
    let failure: string | undefined;
    if (!socket.authorized) failure = String((socket.authorizationError as unknown as { code?: string })?.code ?? socket.authorizationError);
    else {
      const identity = tls.checkServerIdentity(host, peer);
      if (identity) failure = (identity as NodeJS.ErrnoException).code ?? 'ERR_TLS_CERT_ALTNAME_INVALID';
    }
    return { failure, certificate, protocol: socket.getProtocol() };
  } finally {
    socket.destroy();
  }
}
