// Colour for formatters. chalk is loaded only when colour is on: a script piping JSON never pays
// for it (about 5 ms of start-up, measured by importing it alone).

/** The few styles qcase uses. */
export interface Paint {
  status(status: string): string;
  bold(text: string): string;
  ok(text: string): string;
  bad(text: string): string;
}

const same = (s: string) => s;
/** No colour at all. */
export const plain: Paint = { status: same, bold: same, ok: same, bad: same };

/** chalk's styles when `color`, else `plain`. */
export async function loadPaint(color: boolean): Promise<Paint> {
  if (!color) return plain;
  const { Chalk } = await import('chalk');
  const chalk = new Chalk({ level: 1 });
  const byStatus: Record<string, (s: string) => string> = {
    COMPLETE: chalk.green,
    PARTIALLY_COMPLETE: chalk.yellow,
    PROCESSING: chalk.cyan,
    WAITING: chalk.blue,
  };
  return { status: (s) => (byStatus[s] ?? chalk.magenta)(s), bold: (s) => chalk.bold(s), ok: (s) => chalk.green(s), bad: (s) => chalk.red(s) };
}
