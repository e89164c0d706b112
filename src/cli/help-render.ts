// Renders every command's help with commander, for build.mjs to fix into the bundle (src/main.ts
// answers `--help` from it without loading commander).
import { buildProgram } from './program.js';
import { TOPICS } from './topics.js';

/** Help text by command name ('' for the program), exactly as `--help` prints it. */
export function renderAllHelp(): Record<string, string> {
  let out = '';
  const program = buildProgram(async () => {}, { out: (s) => (out += s), err: () => {} });
  const texts: Record<string, string> = {};
  for (const [name, command] of [['', program] as const, ...program.commands.map((c) => [c.name(), c] as const)]) {
    out = '';
    command.outputHelp();
    texts[name] = out;
  }
  for (const [topic, text] of Object.entries(TOPICS)) texts[topic] = text();
  return texts;
}
