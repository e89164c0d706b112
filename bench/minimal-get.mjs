// The floor for any Node tool: the same GET with node:https, body printed. No retries, no checks.
import https from 'node:https';
import { readFileSync } from 'node:fs';

const [url, caPath, token] = process.argv.slice(2);
https
  .get(url, { ca: readFileSync(caPath), headers: { SEC: token, Accept: 'application/json' } }, (res) => {
    let body = '';
    res.setEncoding('utf8');
    res.on('data', (c) => (body += c));
    res.on('end', () => process.stdout.write(`${body}\n`));
  })
  .on('error', (e) => {
    console.error(e.message);
    process.exit(1);
  });
