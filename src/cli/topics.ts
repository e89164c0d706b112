// `qcase help environment` and `qcase help exit-codes`, written from the same data as the flags
// and the exit codes themselves.
import { EXIT_CODE_MEANINGS } from '../errors.js';
import { CONNECTION_OPTIONS, OTHER_VARIABLES, TOKEN_VARIABLES } from './options.js';

function environment(): string {
  const row = (name: string, text: string) => `  ${name.padEnd(24)} ${text}`;
  const rows = CONNECTION_OPTIONS.filter((o) => o.env).flatMap((o) => {
    const flag = o.flags.split(' ')[0];
    const def = o.defaultText ? ` (default ${o.defaultText})` : '';
    const line = row(o.env!, `${o.description}${def}; flag ${flag}`);
    // The token variables come before QRADAR_TOKEN_FILE, as they are read in that order.
    return o.env === 'QRADAR_TOKEN_FILE' ? [...TOKEN_VARIABLES.map((v) => row(v.name, v.description)), line] : [line];
  });
  const others = OTHER_VARIABLES.map((v) => row(v.name, v.description));
  return `Environment variables

Each setting is taken from its flag, else its environment variable, else a .env file
in the working directory; .env never overrides a variable that is already set.
The token is never accepted as a flag value: use a variable or --token-file.

${rows.join('\n')}
${others.join('\n')}

Proxies come from the environment only (not .env). Durations: 500ms, 3s, 5m, 1h, or seconds.
`;
}

function exitCodes(): string {
  return `Exit codes

${EXIT_CODE_MEANINGS.map(([code, meaning]) => `  ${String(code).padStart(3)}  ${meaning}`).join('\n')}

With several ids, the exit code is that of the most serious outcome, in this order:
2, 4, 1, 3, 124, 0.
`;
}

/** Help topics by name. */
export const TOPICS: Record<string, () => string> = { environment, 'exit-codes': exitCodes };
