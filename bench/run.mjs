// `npm run bench`: start-up, one GET and a 50-task watch, each compared with a baseline measured in
// the same run (absolute times on shared machines are noise). Medians of RUNS runs after warm-up,
// with NODE_EXTRA_CA_CERTS unset. Uses hyperfine when installed, its own timed loop otherwise.
import { execFileSync, fork, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const WARMUP = 3;
const node = process.execPath;
const qcase = path.join(root, 'bin/qcase.js');

const server = fork(path.join(root, 'bench/server.mjs'), ['10'], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
const info = await new Promise((resolve) => server.stdout.once('data', (d) => resolve(JSON.parse(String(d)))));
const stats = () => new Promise((resolve) => { server.once('message', resolve); server.send('stats'); });

const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(QRADAR_|NODE_EXTRA_CA_CERTS$|NO_COLOR$|FORCE_COLOR$)/.test(k)));
Object.assign(env, { QRADAR_HOST: info.url, QRADAR_SEC_TOKEN: info.token, QRADAR_CA_BUNDLE: info.ca });
const taskUrl = `${info.url}/api/forensics/case_management/case_create_tasks/42`;

const hasHyperfine = spawnSync('hyperfine', ['--version']).status === 0;
const hasCurl = spawnSync('curl', ['--version']).status === 0;

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Median wall time in ms for each command (argv arrays), all measured in one go. */
function time(commands) {
  if (hasHyperfine) {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'qcase-bench-')), 'h.json');
    execFileSync('hyperfine', ['-N', '--style', 'none', '--warmup', String(WARMUP), '--runs', String(RUNS), '--export-json', out, ...commands.map((c) => c.join(' '))], { env, stdio: ['ignore', 'ignore', 'inherit'] });
    return JSON.parse(readFileSync(out, 'utf8')).results.map((r) => r.median * 1000);
  }
  return commands.map((argv) => {
    const samples = [];
    for (let i = 0; i < WARMUP + RUNS; i += 1) {
      const t = process.hrtime.bigint();
      spawnSync(argv[0], argv.slice(1), { env, stdio: 'ignore' });
      if (i >= WARMUP) samples.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    return median(samples);
  });
}

/** Median peak RSS (KiB) and CPU seconds of a command over a few runs, via getrusage. */
function usage(argv, runs = 5) {
  const results = [];
  for (let i = 0; i < runs; i += 1) {
    const r = spawnSync('python3', [path.join(root, 'bench/rusage.py'), ...argv], { env, encoding: 'utf8' });
    results.push(JSON.parse(r.stderr.trim().split('\n').pop()));
  }
  return { maxrssKiB: median(results.map((r) => r.maxrss_kib)), cpuS: median(results.map((r) => r.cpu_s)), code: results[0].code };
}

const check = spawnSync(node, [qcase, 'get', '42', '-o', 'json'], { env, encoding: 'utf8' });
if (check.status !== 0) throw new Error(`qcase get failed: ${check.stderr}`);

const cmds = {
  nodeBaseline: [node, '-e', '0'],
  version: [node, qcase, '--version'],
  help: [node, qcase, '--help'],
  minimalGet: [node, path.join(root, 'bench/minimal-get.mjs'), taskUrl, info.ca, info.token],
  qcaseGet: [node, qcase, 'get', '42', '-o', 'json'],
  ...(hasCurl ? { curl: ['curl', '-s', '--cacert', info.ca, '-H', `SEC: ${info.token}`, taskUrl] } : {}),
};
const names = Object.keys(cmds);
const medians = Object.fromEntries(time(Object.values(cmds)).map((ms, i) => [names[i], ms]));

const memMinimal = usage(cmds.minimalGet);
const memGet = usage(cmds.qcaseGet);

server.send('reset');
const ids = Array.from({ length: 50 }, (_, i) => String(i + 1));
const watchRun = usage([node, qcase, 'watch', ...ids, '--interval', '200ms', '-q', '-o', 'status'], 1);
const watchStats = await stats();
server.kill('SIGTERM');

const ratio = (a, b) => (a / b).toFixed(2);
const rows = [
  ['qcase --version', medians.version, 'node -e 0', medians.nodeBaseline, 1.5],
  ['qcase --help', medians.help, 'node -e 0', medians.nodeBaseline, 1.5],
  ['qcase get 42 -o json', medians.qcaseGet, 'minimal node:https GET', medians.minimalGet, 1.5],
  ...(hasCurl ? [['qcase get 42 -o json', medians.qcaseGet, 'curl', medians.curl, undefined]] : []),
];
console.log(`\nqcase benchmark: node ${process.version}, ${hasHyperfine ? 'hyperfine' : 'own loop'}, median of ${RUNS} runs after ${WARMUP} warm-up, NODE_EXTRA_CA_CERTS unset\n`);
console.log('| command | median ms | baseline | baseline ms | ratio | goal |');
console.log('|---|---:|---|---:|---:|---|');
for (const [name, ms, base, baseMs, goal] of rows) {
  console.log(`| ${name} | ${ms.toFixed(1)} | ${base} | ${baseMs.toFixed(1)} | ${ratio(ms, baseMs)} | ${goal ? `<= ${goal} ${ms / baseMs <= goal ? 'met' : 'MISSED'}` : 'reported'} |`);
}
const memRatio = memGet.maxrssKiB / memMinimal.maxrssKiB;
console.log(`| peak RSS, qcase get | ${(memGet.maxrssKiB / 1024).toFixed(1)} MiB | minimal node:https GET | ${(memMinimal.maxrssKiB / 1024).toFixed(1)} MiB | ${memRatio.toFixed(2)} | <= 1.5 ${memRatio <= 1.5 ? 'met' : 'MISSED'} |`);
console.log(`\nwatch of 50 tasks at 200ms (each COMPLETE after 10 polls): exit ${watchRun.code}, ${watchStats.requests} requests, ` +
  `${watchStats.connections} TLS connections (goal <= 8: ${watchStats.connections <= 8 ? 'met' : 'MISSED'}), ` +
  `CPU ${(watchRun.cpuS * 1000).toFixed(0)} ms in all = ${((watchRun.cpuS * 1000) / watchStats.requests).toFixed(2)} ms per poll, peak RSS ${(watchRun.maxrssKiB / 1024).toFixed(1)} MiB`);
