// Every option described once, as data: the program's flags, `--help`, `help environment` and the
// completion scripts are all made from these lists.
import { OUTPUT_FORMATS } from '../format/task.js';

/** One flag: how commander spells it, what it does, and the variable standing in for it. */
export interface OptionSpec {
  flags: string;
  description: string;
  env?: string;
  choices?: readonly string[];
  defaultText?: string;
  /** Collected into an array when given more than once (checked by the command). */
  repeatable?: boolean;
}

/** How to reach the console; accepted by every command that talks to it. */
export const CONNECTION_OPTIONS: readonly OptionSpec[] = [
  { flags: '--host <host>', description: 'console address: host, host:port or https://host[:port]', env: 'QRADAR_HOST' },
  { flags: '--token-file <path>', description: "read the API token from a file ('-' reads stdin)", env: 'QRADAR_TOKEN_FILE' },
  { flags: '--api-version <version>', description: "send this API version (default: the console's newest)", env: 'QRADAR_API_VERSION' },
  { flags: '--ca-file <path>', description: "PEM file with the CA (chain) that issued the console's certificate", env: 'QRADAR_CA_BUNDLE' },
  { flags: '--insecure', description: 'skip TLS certificate verification (warns on every run)', env: 'QRADAR_INSECURE' },
  { flags: '--request-timeout <duration>', description: 'time limit for each request', env: 'QRADAR_REQUEST_TIMEOUT', defaultText: '30s' },
];

/** Diagnostics and colour, for every command. */
export const GENERAL_OPTIONS: readonly OptionSpec[] = [
  { flags: '--debug', description: 'log each request and response line to stderr (token redacted)' },
  { flags: '--no-color', description: 'no colour in output (also NO_COLOR, TERM=dumb; FORCE_COLOR forces it)' },
];

/** How results are printed. */
export const OUTPUT_OPTIONS: readonly OptionSpec[] = [
  { flags: '-o, --output <format>', description: 'output format', choices: OUTPUT_FORMATS, defaultText: 'table' },
  { flags: '--json', description: 'same as -o json: each task exactly as QRadar sent it' },
  { flags: '--fields <list>', description: "ask QRadar for these fields only (its 'fields' parameter), e.g. id,status" },
];

/** How `watch` (and `create --wait`) waits. */
export const WATCH_OPTIONS: readonly OptionSpec[] = [
  { flags: '--interval <duration>', description: 'time between polls', defaultText: '3s' },
  { flags: '--timeout <duration>', description: "overall deadline, '0' for none", defaultText: '30m' },
  { flags: '--accept-partial', description: 'count PARTIALLY_COMPLETE as done' },
  { flags: '-q, --quiet', description: 'no progress and no reports of transient faults' },
];

/** What `create` takes besides the output and watch flags. */
export const CREATE_OPTIONS: readonly OptionSpec[] = [
  { flags: '--assign <user>', description: 'assign the case to this user (at most one at creation)', repeatable: true },
  { flags: '--wait', description: 'then watch the case create task until COMPLETE (the watch flags apply)' },
];

/** The token variables, read before QRADAR_TOKEN_FILE, for `help environment`. */
export const TOKEN_VARIABLES: ReadonlyArray<{ name: string; description: string }> = [
  { name: 'QRADAR_SEC_TOKEN', description: 'the authorized service token, sent as the SEC header' },
  { name: 'QRADAR_API_TOKEN', description: 'alias of QRADAR_SEC_TOKEN, read when that is unset' },
];

/** Other variables qcase reads, for `help environment`. */
export const OTHER_VARIABLES: ReadonlyArray<{ name: string; description: string }> = [
  { name: 'HTTPS_PROXY', description: 'proxy for the console (also https_proxy, ALL_PROXY)' },
  { name: 'NO_PROXY', description: 'hosts reached without the proxy (also no_proxy)' },
  { name: 'NO_COLOR', description: 'no colour when set to anything' },
  { name: 'FORCE_COLOR', description: 'colour even when stdout is not a terminal (0 turns it off)' },
];
