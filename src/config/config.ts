// The only module that reads the environment and files. Precedence: flag, then environment, then a
// `.env` file in the working directory (which never overrides a variable that is already set).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import util from 'node:util';
import { getProxyForUrl } from 'proxy-from-env';
import { UsageError } from '../errors.js';
import { parseDuration } from './duration.js';
import { normaliseHost } from './host.js';

/** Where a setting came from; `doctor` shows it. */
export type Origin = 'flag' | 'environment' | '.env' | 'default';

/** A resolved value and where it came from (`source` names the flag or variable). */
export interface Setting<T> {
  value: T;
  origin: Origin;
  source: string;
}

/** The connection flags shared by every command that talks to QRadar. */
export interface ConnectionFlags {
  host?: string | undefined;
  tokenFile?: string | undefined;
  apiVersion?: string | undefined;
  caFile?: string | undefined;
  insecure?: boolean | undefined;
  requestTimeout?: string | undefined;
}

/** What the configuration may read: injected so tests control it. */
export interface ConfigSources {
  env: Record<string, string | undefined>;
  cwd: string;
  readStdin: () => Promise<string>;
}

/** Every setting, each possibly missing; `doctor` reports these one by one. */
export interface Settings {
  host?: Setting<string> | undefined;
  token?: Setting<string> | undefined;
  apiVersion?: Setting<string> | undefined;
  ca?: (Setting<string> & { path: string }) | undefined;
  insecure: Setting<boolean>;
  requestTimeoutMs: Setting<number>;
  /** The proxy for the console's URL, from HTTPS_PROXY / HTTP_PROXY / ALL_PROXY unless NO_PROXY says not. */
  proxy?: Setting<string> | undefined;
}

/** What a client needs; host and token are present. */
export interface ConnectionConfig {
  baseUrl: string;
  token: string;
  apiVersion?: string | undefined;
  ca?: string | undefined;
  insecure: boolean;
  timeoutMs: number;
  proxy?: string | undefined;
}

/** The environment with `.env` beneath it, remembering which values came from the file. */
export interface Environment {
  get(name: string): Setting<string> | undefined;
}

/** Reads `.env` in the working directory, if any, beneath the real environment. */
export async function loadEnvironment(sources: Pick<ConfigSources, 'env' | 'cwd'>): Promise<Environment> {
  const file = path.join(sources.cwd, '.env');
  let fromFile: Record<string, string> = {};
  try {
    fromFile = await parseDotenv(await readFile(file, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`, 'fix its permissions or remove it');
    }
  }
  const isSet = (value: string | undefined): value is string => value !== undefined && value !== '';
  return {
    get(name) {
      const fromEnv = sources.env[name];
      if (isSet(fromEnv)) return { value: fromEnv, origin: 'environment', source: name };
      const fileValue = fromFile[name];
      if (isSet(fileValue)) return { value: fileValue, origin: '.env', source: `${name} in .env` };
      return undefined;
    },
  };
}

// Node's own parser (20.12 and later); dotenv, which it follows, only on older Node 20 releases.
async function parseDotenv(text: string): Promise<Record<string, string>> {
  const parseEnv = (util as { parseEnv?: (content: string) => Record<string, string> }).parseEnv;
  if (parseEnv) return parseEnv(text);
  const dotenv = await import('dotenv');
  return dotenv.parse(text);
}

function pick(flag: string | undefined, flagName: string, env: Environment, ...names: string[]): Setting<string> | undefined {
  if (flag !== undefined) return { value: flag, origin: 'flag', source: flagName };
  for (const name of names) {
    const found = env.get(name);
    if (found) return found;
  }
  return undefined;
}

async function readNamedFile(file: string, what: string, cwd: string): Promise<string> {
  try {
    return await readFile(path.resolve(cwd, file), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new UsageError(`cannot read ${what} ${file}: ${code === 'ENOENT' ? 'no such file' : code}`, `check the path given for the ${what}`);
  }
}

// A token goes into an HTTP header: printable ASCII with no spaces. Never echo it back.
function checkToken(token: string, source: string): string {
  const trimmed = token.trim();
  if (trimmed === '') throw new UsageError(`the token from ${source} is empty`, 'put the authorized service token there (Admin > Authorized Services)');
  if (!/^[\x21-\x7e]+$/.test(trimmed)) {
    throw new UsageError(`the token from ${source} contains spaces or characters a token cannot have`, 'copy the authorized service token again, alone on one line');
  }
  return trimmed;
}

async function resolveToken(flags: ConnectionFlags, env: Environment, sources: ConfigSources): Promise<Setting<string> | undefined> {
  if (flags.tokenFile !== undefined) {
    const text = flags.tokenFile === '-' ? await sources.readStdin() : await readNamedFile(flags.tokenFile, 'token file', sources.cwd);
    const source = flags.tokenFile === '-' ? '--token-file - (stdin)' : `--token-file ${flags.tokenFile}`;
    return { value: checkToken(text, source), origin: 'flag', source };
  }
  const direct = env.get('QRADAR_SEC_TOKEN') ?? env.get('QRADAR_API_TOKEN');
  if (direct) return { ...direct, value: checkToken(direct.value, direct.source) };
  const file = env.get('QRADAR_TOKEN_FILE');
  if (file) {
    const text = await readNamedFile(file.value, 'token file', sources.cwd);
    return { value: checkToken(text, `${file.source} (${file.value})`), origin: file.origin, source: file.source };
  }
  return undefined;
}

const TRUE = /^(1|true|yes|on)$/i;

// proxy-from-env reads the process environment itself (HTTPS_PROXY, https_proxy, ALL_PROXY,
// NO_PROXY, in upper or lower case); it is the one variable family qcase does not take from .env.
function resolveProxy(baseUrl: string): Setting<string> | undefined {
  const proxy = getProxyForUrl(baseUrl);
  if (!proxy) return undefined;
  try {
    new URL(proxy);
  } catch {
    throw new UsageError(`invalid proxy URL in HTTPS_PROXY`, 'use e.g. HTTPS_PROXY=http://proxy.example.org:3128');
  }
  return { value: proxy, origin: 'environment', source: 'HTTPS_PROXY' };
}


/** Resolves every setting that is given; throws a UsageError for one that is given but invalid. */
export async function resolveSettings(flags: ConnectionFlags, sources: ConfigSources, env?: Environment): Promise<Settings> {
  const environment = env ?? (await loadEnvironment(sources));
  const hostSetting = pick(flags.host, '--host', environment, 'QRADAR_HOST');
  const host = hostSetting && { ...hostSetting, value: normaliseHost(hostSetting.value, hostSetting.source) };

  const versionSetting = pick(flags.apiVersion, '--api-version', environment, 'QRADAR_API_VERSION');
  if (versionSetting && !/^\d+(\.\d+)?$/.test(versionSetting.value.trim())) {
    throw new UsageError(`invalid API version '${versionSetting.value}' from ${versionSetting.source}`, 'use a version such as 26.0, or leave it unset for the console\'s newest');
  }
  const apiVersion = versionSetting && { ...versionSetting, value: versionSetting.value.trim() };

  const caSetting = pick(flags.caFile, '--ca-file', environment, 'QRADAR_CA_BUNDLE');
  let ca: Settings['ca'];
  if (caSetting) {
    const pem = await readNamedFile(caSetting.value, 'CA bundle', sources.cwd);
    if (!pem.includes('-----BEGIN CERTIFICATE-----')) {
      throw new UsageError(`the CA bundle ${caSetting.value} holds no PEM certificate`, 'give a PEM file (-----BEGIN CERTIFICATE-----), with the whole chain if there is one');
    }
    ca = { ...caSetting, value: pem, path: caSetting.value };
  }

  const insecureEnv = environment.get('QRADAR_INSECURE');
  const insecure: Setting<boolean> = flags.insecure
    ? { value: true, origin: 'flag', source: '--insecure' }
    : insecureEnv
      ? { value: TRUE.test(insecureEnv.value.trim()), origin: insecureEnv.origin, source: insecureEnv.source }
      : { value: false, origin: 'default', source: 'default' };

  const timeoutSetting = pick(flags.requestTimeout, '--request-timeout', environment, 'QRADAR_REQUEST_TIMEOUT');
  const requestTimeoutMs: Setting<number> = timeoutSetting
    ? { ...timeoutSetting, value: parseDuration(timeoutSetting.value, timeoutSetting.source) }
    : { value: 30_000, origin: 'default', source: 'default' };
  if (requestTimeoutMs.value <= 0) throw new UsageError(`the request timeout must be more than 0 (${requestTimeoutMs.source})`, 'e.g. --request-timeout 30s');

  const token = await resolveToken(flags, environment, sources);
  return { host, token, apiVersion, ca, insecure, requestTimeoutMs, proxy: host && resolveProxy(host.value) };
}

/** The settings a request needs, or a UsageError naming what to set. */
export function requireConnection(settings: Settings): ConnectionConfig {
  if (!settings.host) {
    throw new UsageError('no QRadar console configured', 'set QRADAR_HOST (or pass --host), e.g. export QRADAR_HOST=console.example.org');
  }
  if (!settings.token) {
    throw new UsageError('no API token configured', 'set QRADAR_SEC_TOKEN to an authorized service token, or QRADAR_TOKEN_FILE / --token-file to a file holding it');
  }
  return {
    baseUrl: settings.host.value,
    token: settings.token.value,
    apiVersion: settings.apiVersion?.value,
    ca: settings.ca?.value,
    insecure: settings.insecure.value,
    timeoutMs: settings.requestTimeoutMs.value,
    proxy: settings.proxy?.value,
  };
}
