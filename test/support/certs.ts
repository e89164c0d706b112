// Certificates made for the test run with openssl: a CA, a server certificate it signed for
// 127.0.0.1, one signed for the wrong name, one self-signed, and an intermediate-CA chain.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface KeyPair {
  cert: string;
  key: string;
  certPath: string;
}

export interface TestCerts {
  dir: string;
  caPath: string;
  /** Signed by the CA for 127.0.0.1 and localhost. */
  server: KeyPair;
  /** Signed by the CA for localhost.localdomain only, as some consoles are. */
  wrongName: KeyPair;
  /** Its own issuer, for 127.0.0.1. */
  selfSigned: KeyPair;
  /** Signed by an intermediate CA; `chainPath` holds intermediate then root. */
  chained: KeyPair & { chainPath: string; rootOnlyPath: string };
}

function openssl(dir: string, args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
}

function leaf(dir: string, name: string, san: string, issuer: string, extfileExtra = ''): KeyPair {
  writeFileSync(path.join(dir, `${name}.ext`), `subjectAltName=${san}\n${extfileExtra}`);
  openssl(dir, ['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${name}`]);
  openssl(dir, ['x509', '-req', '-in', `${name}.csr`, '-CA', `${issuer}.crt`, '-CAkey', `${issuer}.key`, '-CAcreateserial', '-days', '2', '-out', `${name}.crt`, '-extfile', `${name}.ext`]);
  return { cert: readFileSync(path.join(dir, `${name}.crt`), 'utf8'), key: readFileSync(path.join(dir, `${name}.key`), 'utf8'), certPath: path.join(dir, `${name}.crt`) };
}

function ca(dir: string, name: string, issuer?: string): void {
  if (!issuer) {
    openssl(dir, ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.crt`, '-days', '2', '-subj', `/CN=${name}`, '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
    return;
  }
  writeFileSync(path.join(dir, `${name}.ext`), 'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n');
  openssl(dir, ['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${name}`]);
  openssl(dir, ['x509', '-req', '-in', `${name}.csr`, '-CA', `${issuer}.crt`, '-CAkey', `${issuer}.key`, '-CAcreateserial', '-days', '2', '-out', `${name}.crt`, '-extfile', `${name}.ext`]);
}

let cached: TestCerts | undefined;

/** Makes the certificates once per test file. */
export function makeCerts(): TestCerts {
  if (cached) return cached;
  const dir = mkdtempSync(path.join(tmpdir(), 'qcase-certs-'));
  ca(dir, 'Test Root CA');
  const server = leaf(dir, 'server', 'IP:127.0.0.1,DNS:localhost', 'Test Root CA');
  const wrongName = leaf(dir, 'wrongname', 'DNS:localhost.localdomain', 'Test Root CA');
  openssl(dir, ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', 'self.key', '-out', 'self.crt', '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1']);
  const selfSigned = { cert: readFileSync(path.join(dir, 'self.crt'), 'utf8'), key: readFileSync(path.join(dir, 'self.key'), 'utf8'), certPath: path.join(dir, 'self.crt') };
  ca(dir, 'Chain Root CA');
  ca(dir, 'Chain Intermediate CA', 'Chain Root CA');
  const chainedLeaf = leaf(dir, 'chained', 'IP:127.0.0.1', 'Chain Intermediate CA');
  const chainPath = path.join(dir, 'chain.pem');
  writeFileSync(chainPath, readFileSync(path.join(dir, 'Chain Intermediate CA.crt'), 'utf8') + readFileSync(path.join(dir, 'Chain Root CA.crt'), 'utf8'));
  cached = {
    dir,
    caPath: path.join(dir, 'Test Root CA.crt'),
    server,
    wrongName,
    selfSigned,
    chained: { ...chainedLeaf, chainPath, rootOnlyPath: path.join(dir, 'Chain Root CA.crt') },
  };
  return cached;
}
