// The benchmark's QRadar: a self-signed HTTPS server on 127.0.0.1 in its own process (so timed
// runs can block without starving it). Task 42 is COMPLETE; tasks 1..N become COMPLETE after
// `polls` requests each. Prints {url, ca, token} on stdout, then on SIGTERM prints its counts.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import https from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';

const polls = Number(process.argv[2] ?? 10);
const dir = mkdtempSync(path.join(tmpdir(), 'qcase-bench-'));
execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', 'key.pem', '-out', 'cert.pem', '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { cwd: dir, stdio: 'ignore' });
const token = 'bench-token';
const seen = new Map();
let connections = 0;
let requests = 0;
let maxOpen = 0;
let open = 0;

const task = (id, status) => JSON.stringify({ assigned_to: ['alice'], case_id: id, case_name: `Case${id}`, id, status });
const server = https.createServer({ cert: readFileSync(path.join(dir, 'cert.pem')), key: readFileSync(path.join(dir, 'key.pem')) }, (req, res) => {
  requests += 1;
  if (req.headers.sec !== token) {
    res.writeHead(401, { 'content-type': 'application/json' });
    return res.end('{"http_response":{"code":401,"message":"You are unauthorized to access the requested resource."},"code":18,"description":"","details":{},"message":"No SEC header present in request."}');
  }
  const id = Number(/case_create_tasks\/(\d+)$/.exec(req.url ?? '')?.[1]);
  const count = (seen.get(id) ?? 0) + 1;
  seen.set(id, count);
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(task(id, id === 42 || count > polls ? 'COMPLETE' : 'PROCESSING'));
});
server.on('secureConnection', (socket) => {
  connections += 1;
  open += 1;
  maxOpen = Math.max(maxOpen, open);
  socket.on('close', () => (open -= 1));
});
server.keepAliveTimeout = 30_000;
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ url: `https://127.0.0.1:${server.address().port}`, ca: path.join(dir, 'cert.pem'), token })}\n`);
});
process.on('message', (m) => {
  if (m === 'reset') {
    connections = 0;
    requests = 0;
    maxOpen = open;
    seen.clear();
  }
  if (m === 'stats') process.send({ connections, requests, maxOpen });
});
process.on('SIGTERM', () => process.exit(0));
