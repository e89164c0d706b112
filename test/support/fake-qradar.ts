// A real HTTPS server on 127.0.0.1 that answers the way QRadar does, scripted per test: sequences
// of replies per path, and the faults (hangs, dropped connections, truncated bodies, HTML pages).
import https from 'node:https';
import type { IncomingHttpHeaders } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { SAMPLES, sample, sampleText, taskNotFoundBody } from './fixtures.js';

export type Reply =
  | { status?: number; body?: unknown; headers?: Record<string, string>; delayMs?: number }
  | { hang: true }
  | { drop: true }
  | { truncate: string };

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface FakeQRadar {
  url: string;
  hostPort: string;
  token: string;
  requests: RecordedRequest[];
  /** TLS connections accepted so far. */
  connections(): number;
  /** Replies for a method and path, in order; the last one repeats. */
  on(method: string, path: string, ...replies: Reply[]): void;
  /** Replies for GET of one case create task. */
  task(id: number | string, ...replies: Reply[]): void;
  /** Requests for a path (default: all). */
  count(path?: string): number;
  close(): Promise<void>;
}

export const TASK_PATH = '/api/forensics/case_management/case_create_tasks/';

/** A JSON reply. */
export const json = (body: unknown, status = 200, headers: Record<string, string> = {}): Reply => ({ status, body, headers });

export async function startFakeQRadar(options: { cert: string; key: string; token?: string }): Promise<FakeQRadar> {
  const token = options.token ?? 'test-token-0f1e2d3c';
  const scripts = new Map<string, Reply[]>();
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  let connections = 0;

  const defaults = (method: string, path: string): Reply => {
    if (method === 'GET' && path === '/api/system/about') return json(sample(SAMPLES.about));
    if (method === 'GET' && path === '/api/help/versions') {
      return json([
        { id: 1, version: '19.0', deprecated: true, removed: false, root_resource_ids: [] },
        { id: 2, version: '20.0', deprecated: false, removed: false, root_resource_ids: [] },
      ]);
    }
    if (method === 'GET' && path.startsWith(TASK_PATH)) return json(taskNotFoundBody(), 404);
    if (method === 'GET' && path === '/api/forensics/case_management/cases') return json([{ id: 1 }], 200, { 'Content-Range': 'items 0-0/1' });
    return json(JSON.parse(sampleText(SAMPLES.unknownEndpoint).replace('{uri}', path.replace(/^\/api\//, ''))), 404);
  };

  const server = https.createServer({ cert: options.cert, key: options.key }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'https://x');
      const method = req.method ?? 'GET';
      requests.push({ method, path: url.pathname, query: url.searchParams, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      let reply: Reply;
      if (req.headers.sec !== token) {
        reply = json(sample(SAMPLES.unauthorized), 401);
      } else {
        const script = scripts.get(`${method} ${url.pathname}`);
        reply = script && script.length > 0 ? (script.length > 1 ? script.shift()! : script[0]!) : defaults(method, url.pathname);
      }
      if ('hang' in reply) return;
      if ('drop' in reply) {
        req.socket.destroy();
        return;
      }
      if ('truncate' in reply) {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(reply.truncate.length + 40) });
        res.write(reply.truncate);
        setTimeout(() => req.socket.destroy(), 20);
        return;
      }
      const body = reply.body === undefined ? '' : typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body, null, 2);
      const headers = { 'content-type': typeof reply.body === 'string' ? 'text/html;charset=UTF-8' : 'application/json', ...reply.headers };
      const send = () => {
        res.writeHead(reply.status ?? 200, headers);
        res.end(body);
      };
      if (reply.delayMs) setTimeout(send, reply.delayMs);
      else send();
    });
  });
  server.on('secureConnection', (socket: Socket) => {
    connections += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  // A TLS handshake the client rejects is not a test failure.
  server.on('tlsClientError', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `https://127.0.0.1:${port}`,
    hostPort: `127.0.0.1:${port}`,
    token,
    requests,
    connections: () => connections,
    on: (method, path, ...replies) => scripts.set(`${method} ${path}`, replies),
    task: (id, ...replies) => scripts.set(`GET ${TASK_PATH}${id}`, replies),
    count: (path) => requests.filter((r) => path === undefined || r.path === path).length,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
