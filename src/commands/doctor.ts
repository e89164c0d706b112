// `qcase doctor`: checks configuration, the network path, TLS, the token, API versions and the
// forensics endpoint, in that order, and says how to fix the first thing that is wrong.
import { redactProxy } from '../api/agent.js';
import { probeTcp, probeTls, openTunnel, type CertificateFacts } from '../api/probe.js';
import type { Context } from '../cli/context.js';
import { describeError } from '../cli/report.js';
import type { Settings } from '../config/config.js';
import { ExitCode } from '../errors.js';
import { formatCheck, type CheckResult } from '../format/doctor.js';
import { formatElapsed } from '../format/duration.js';
import { loadPaint } from '../format/paint.js';

function origin(setting: { origin: string; source: string } | undefined): string {
  if (!setting) return 'not set';
  return setting.origin === 'default' ? 'default' : setting.source;
}

function describeSettings(s: Settings): string {
  const parts = [
    `console ${s.host?.value ?? '-'} (${origin(s.host)})`,
    `token (${origin(s.token)})`,
    `CA bundle ${s.ca ? `${s.ca.path} (${origin(s.ca)})` : 'none: the system\'s CAs'}`,
    `API version ${s.apiVersion ? `${s.apiVersion.value} (${origin(s.apiVersion)})` : 'none: the newest'}`,
    `request timeout ${formatElapsed(s.requestTimeoutMs.value)} (${origin(s.requestTimeoutMs)})`,
  ];
  if (s.insecure.value) parts.push(`TLS verification OFF (${origin(s.insecure)})`);
  if (s.proxy) parts.push(`proxy ${redactProxy(s.proxy.value)} (${s.proxy.source})`);
  return parts.join(', ');
}

function certificateText(c: CertificateFacts): string {
  return `subject ${c.subject || '-'}, issuer ${c.issuer || '-'}${c.selfSigned ? ' (self-signed)' : ''}, names ${c.names.join(' ') || 'none'}, valid until ${c.validTo}`;
}

interface Version {
  version: string;
  deprecated: boolean;
  removed: boolean;
}

const numeric = (v: string) => v.split('.').map(Number);
const newer = (a: string, b: string) => {
  const [x, y] = [numeric(a), numeric(b)];
  return (x[0] ?? 0) - (y[0] ?? 0) || (x[1] ?? 0) - (y[1] ?? 0);
};

function versionCheck(raw: unknown, configured: string | undefined): CheckResult {
  const versions = (Array.isArray(raw) ? raw : []).filter(
    (v): v is Version => typeof v === 'object' && v !== null && typeof (v as Version).version === 'string' && /^\d+(\.\d+)?$/.test((v as Version).version),
  );
  const served = versions.filter((v) => !v.removed).sort((a, b) => newer(b.version, a.version));
  const newest = served[0]?.version;
  if (!newest) return { name: 'API versions', status: 'warn', detail: 'the console listed no version it serves' };
  if (configured === undefined) return { name: 'API versions', status: 'ok', detail: `newest served is ${newest}; none is set, so the console uses its newest` };
  const match = versions.find((v) => v.version === configured || Number(v.version) === Number(configured));
  const fix = `set --api-version / QRADAR_API_VERSION to ${newest}, or unset it`;
  if (!match) return { name: 'API versions', status: 'fail', detail: `${configured} is not one the console serves (newest ${newest})`, fix, exitCode: ExitCode.failure };
  if (match.removed) return { name: 'API versions', status: 'fail', detail: `${configured} has been removed from this console (newest ${newest})`, fix, exitCode: ExitCode.failure };
  if (match.deprecated) return { name: 'API versions', status: 'warn', detail: `${configured} works but is deprecated (newest ${newest})`, fix };
  return { name: 'API versions', status: 'ok', detail: `${configured} is served (newest ${newest})` };
}

/** Runs every check, printing each as it completes; the exit code is that of the first failure. */
export async function runDoctor(context: Context): Promise<number> {
  const paint = await loadPaint(context.color);
  const results: CheckResult[] = [];
  const report = (check: CheckResult) => {
    results.push(check);
    context.io.stdout.write(formatCheck(check, paint));
  };
  const failed = (name: string, error: unknown, subject?: string): CheckResult => {
    const r = describeError(error, subject);
    return { name, status: 'fail', detail: r.message, fix: r.hint, exitCode: r.exitCode };
  };
  const skipRest = (...names: string[]) => names.forEach((name) => report({ name, status: 'skip', detail: 'not checked until the failure above is fixed' }));
  const firstFailure = () => results.find((r) => r.status === 'fail')?.exitCode ?? ExitCode.ok;

  // 1. Configuration, and where each value came from.
  let settings: Settings;
  try {
    settings = await context.settings();
  } catch (error) {
    report(failed('configuration', error));
    skipRest('network', 'TLS', 'token', 'API versions', 'forensics');
    return firstFailure();
  }
  if (!settings.host || !settings.token) {
    report({
      name: 'configuration',
      status: 'fail',
      detail: !settings.host ? 'no console: QRADAR_HOST is not set' : 'no token: QRADAR_SEC_TOKEN is not set',
      fix: !settings.host ? 'export QRADAR_HOST=console.example.org, or put it in .env, or pass --host' : 'export QRADAR_SEC_TOKEN=<authorized service token>, or QRADAR_TOKEN_FILE / --token-file <file>',
      exitCode: ExitCode.usage,
    });
    skipRest('network', 'TLS', 'token', 'API versions', 'forensics');
    return firstFailure();
  }
  report({ name: 'configuration', status: 'ok', detail: describeSettings(settings) });

  const url = new URL(settings.host.value);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const port = Number(url.port) || 443;
  const timeoutMs = settings.requestTimeoutMs.value;
  const proxy = settings.proxy?.value;

  // 2. The network path: the name resolves and the port (or the proxy's) accepts a connection.
  try {
    if (proxy) {
      const p = new URL(proxy);
      const r = await probeTcp(p.hostname, Number(p.port) || 80, timeoutMs);
      report({ name: 'network', status: 'ok', detail: `the proxy ${redactProxy(proxy)} accepts connections (${r.connectMs} ms); it resolves ${host}` });
    } else {
      const r = await probeTcp(host, port, timeoutMs);
      report({ name: 'network', status: 'ok', detail: `${host} (${r.addresses.join(', ')}) accepts connections on port ${port} (${r.connectMs} ms)` });
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    report({
      name: 'network',
      status: 'fail',
      detail: `${proxy ? `the proxy ${redactProxy(proxy)}` : `${host}:${port}`}: ${code === 'ENOTFOUND' ? 'host not found' : code === 'ECONNREFUSED' ? 'connection refused' : (error as Error).message} (${code})`,
      fix: proxy ? 'check HTTPS_PROXY, or add the console to NO_PROXY' : 'check the host name and port in QRADAR_HOST, and that nothing blocks the way from here',
      exitCode: ExitCode.failure,
    });
    skipRest('TLS', 'token', 'API versions', 'forensics');
    return firstFailure();
  }

  // 3. TLS: the certificate, and whether it verifies against the configured CA (or the system's).
  try {
    const socket = proxy ? await openTunnel(proxy, host, port, timeoutMs) : undefined;
    const tls = await probeTls(host, port, { ca: settings.ca?.value, timeoutMs, socket });
    const facts = certificateText(tls.certificate);
    if (settings.insecure.value) {
      report({ name: 'TLS', status: 'warn', detail: `verification is off; the certificate ${tls.failure ? `would fail (${tls.failure})` : 'would verify'}: ${facts}`, fix: tls.failure ? 'pass the issuing CA with --ca-file instead of --insecure' : 'drop --insecure: it is not needed' });
    } else if (tls.failure === 'ERR_TLS_CERT_ALTNAME_INVALID') {
      report({ name: 'TLS', status: 'fail', detail: `the certificate is not for ${host}: ${facts}`, fix: 'connect with a name the certificate lists (set QRADAR_HOST to it), or reissue the certificate', exitCode: ExitCode.failure });
    } else if (tls.failure) {
      report({ name: 'TLS', status: 'fail', detail: `the certificate is not trusted (${tls.failure}): ${facts}`, fix: `pass the CA that issued it, with its chain, as --ca-file <pem> or QRADAR_CA_BUNDLE${tls.certificate.selfSigned ? ' (for a self-signed certificate, the certificate itself)' : ''}`, exitCode: ExitCode.failure });
    } else {
      report({ name: 'TLS', status: 'ok', detail: `the certificate verifies (${tls.protocol ?? 'TLS'}): ${facts}` });
    }
  } catch (error) {
    report(failed('TLS', error));
  }
  if (results.some((r) => r.status === 'fail')) {
    skipRest('token', 'API versions', 'forensics');
    return firstFailure();
  }

  // 4-6. Through the API: the token, the versions, the forensics endpoint. No retries: a diagnosis.
  const client = await context.client({ retries: 0 });
  try {
    const about = (await client.getJson('system/about')).data as Record<string, unknown>;
    const release = [about.release_name ?? about.external_version, about.build_version ? `(build ${String(about.build_version)})` : ''].filter(Boolean).join(' ');
    report({ name: 'token', status: 'ok', detail: `accepted; QRadar ${release || 'version unknown'}${about.fips_enabled ? ', FIPS mode' : ''}` });
  } catch (error) {
    report(failed('token', error, '/api/system/about'));
    skipRest('API versions', 'forensics');
    return firstFailure();
  }
  try {
    report(versionCheck((await client.getJson('help/versions')).data, settings.apiVersion?.value));
  } catch (error) {
    report(failed('API versions', error, '/api/help/versions'));
  }
  try {
    await client.getJson('forensics/case_management/cases', { fields: 'id', headers: { Range: 'items=0-0' } });
    report({ name: 'forensics', status: 'ok', detail: 'the case management endpoint answers' });
  } catch (error) {
    report(failed('forensics', error, '/api/forensics/case_management/cases'));
  }
  return firstFailure();
}
