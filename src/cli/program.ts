// The commander program: flags in, validated options out, then the command's run function,
// loaded with import() only when that command runs.
import { Argument, Command, Option } from 'commander';
import { completionScript, SHELLS, type CompletionSpec, type FlagInfo, type Shell } from './completion.js';
import { TOPICS } from './topics.js';
import { UsageError } from '../errors.js';
import { CONNECTION_OPTIONS, CREATE_OPTIONS, GENERAL_OPTIONS, OUTPUT_OPTIONS, WATCH_OPTIONS, type OptionSpec } from './options.js';
import { parseAssignees, parseCaseName, parseId, resolveOutput } from './args.js';
import { parseWatchFlags } from './watch-flags.js';
import type { Context, GlobalOptions } from './context.js';
import { VERSION } from '../version.js';


function addOptions(command: Command, specs: readonly OptionSpec[]): Command {
  for (const spec of specs) {
    const option = new Option(spec.flags, spec.env ? `${spec.description} [env: ${spec.env}]` : spec.description);
    if (spec.choices) option.choices(spec.choices);
    if (spec.defaultText) option.default(undefined, spec.defaultText);
    if (spec.repeatable) option.argParser((value: string, previous: string[] | undefined) => [...(previous ?? []), value]);
    command.addOption(option);
  }
  return command;
}

/** Receives each command's run, so the program is tested without running anything. */
export type Runner = (load: (context: Context) => Promise<number>, global: GlobalOptions) => Promise<void>;

interface OutputFlags {
  output?: string;
  json?: boolean;
  fields?: string;
}

const GET_EXAMPLES = `
Examples:
  $ qcase get 42                      # a table on a terminal
  $ qcase get 42 43 --json | jq -r .status
  $ qcase get 42 -o status            # "42 COMPLETE case_id=7 name=Phish"
  $ qcase get 42 --fields id,status
`;

const WATCH_EXAMPLES = `
Examples:
  $ qcase watch 42                    # spinner on a terminal, prints the task when COMPLETE
  $ qcase watch 42 43 --timeout 10m --json | jq -r .case_id
  $ qcase watch 42 --accept-partial -q -o status
Exit codes: 0 done, 124 deadline passed, 4 token rejected, 3 not found, 1 failure, 130/143 interrupted.
`;

const CREATE_EXAMPLES = `
Examples:
  $ qcase create Phish42 --assign alice             # prints the case create task
  $ qcase create Phish42 --assign alice --wait --json | jq -r .case_id
A POST is never retried: if it fails midway, check with 'qcase get' before trying again.
`;

const DOCTOR_EXAMPLES = `
Examples:
  $ qcase doctor                      # one line per check on stdout, with the fix for any failure
  $ qcase doctor --host console.example.org:8443 --ca-file qradar-ca.pem
Exit code: that of the first failure (2 configuration, 4 token, 3 not found, 1 anything else).
`;

const COMPLETION_EXAMPLES = `
Examples:
  $ source <(qcase completion bash)              # in ~/.bashrc
  $ source <(qcase completion zsh)               # in ~/.zshrc
  $ qcase completion fish | source               # in ~/.config/fish/config.fish
`;

/** Commands that can be built alone, when the command line names one of them first. */
export const LEAN_COMMANDS = ['get', 'watch', 'create', 'doctor'];

/**
 * The whole command tree; `run` is called once with the chosen command. With `only` (one of
 * LEAN_COMMANDS), just that command is built: parsing its command line needs nothing else, and
 * building every command and option costs a run about 2 ms.
 */
export function buildProgram(run: Runner, write: { out: (s: string) => void; err: (s: string) => void }, only?: string): Command {
  const want = (name: string) => only === undefined || only === name;
  const program = new Command('qcase')
    .description('IBM QRadar Incident Forensics from the command line: see and wait for case create tasks.')
    .version(VERSION, '-V, --version')
    .exitOverride()
    .configureOutput({
      writeOut: write.out,
      writeErr: write.err,
      outputError: (message, writeErr) => writeErr(`qcase: ${message.replace(/^error: /, '')}`),
    })
    .showHelpAfterError("hint: see 'qcase --help' or 'qcase <command> --help'")
    // A fixed width, so the help prerendered at build time (src/main.ts) is exactly commander's.
    .configureHelp({ showGlobalOptions: true, sortSubcommands: false, helpWidth: 80 });
  addOptions(program, CONNECTION_OPTIONS);
  addOptions(program, GENERAL_OPTIONS);
  program.helpCommand(false).addHelpText('after', `\nHelp topics: 'qcase help environment', 'qcase help exit-codes'.\n`);

  const globals = (command: Command) => command.optsWithGlobals<GlobalOptions>();

  if (want('get')) {
    const get = program
      .command('get')
      .description('show case create tasks')
      .argument('<id...>', 'case create task ids')
      .addHelpText('after', GET_EXAMPLES);
    addOptions(get, OUTPUT_OPTIONS).action(async (ids: string[], flags: OutputFlags, command: Command) => {
      const options = { ids: ids.map(parseId), format: resolveOutput(flags.output, flags.json), fields: flags.fields };
      await run(async (context) => (await import('../commands/get.js')).runGet(options, context), globals(command));
    });
  }

  if (want('watch')) {
    const watch = program
      .command('watch')
      .description('wait until case create tasks are COMPLETE, then show them')
      .argument('<id...>', 'case create task ids')
      .addHelpText('after', WATCH_EXAMPLES);
    addOptions(addOptions(watch, OUTPUT_OPTIONS), WATCH_OPTIONS).action(async (ids: string[], flags: OutputFlags & WatchFlags, command: Command) => {
      const options = { ids: ids.map(parseId), format: resolveOutput(flags.output, flags.json), fields: flags.fields, ...parseWatchFlags(flags) };
      await run(async (context) => (await import('../commands/watch.js')).runWatch(options, context), globals(command));
    });
  }

  if (want('create')) {
    const create = program
      .command('create')
      .description('create a case and show its case create task; --wait then watches it')
      .argument('<name>', 'case name: 1 to 15 letters and digits')
      .addHelpText('after', CREATE_EXAMPLES);
    addOptions(addOptions(addOptions(create, CREATE_OPTIONS), OUTPUT_OPTIONS), WATCH_OPTIONS).action(
      async (name: string, flags: OutputFlags & WatchFlags & { assign?: string[]; wait?: boolean }, command: Command) => {
          const options = {
          name: parseCaseName(name),
          assignees: parseAssignees(flags.assign),
          wait: Boolean(flags.wait),
          format: resolveOutput(flags.output, flags.json),
          fields: flags.fields,
          ...parseWatchFlags(flags),
        };
        await run(async (context) => (await import('../commands/create.js')).runCreate(options, context), globals(command));
      },
    );
  }

  if (want('doctor')) {
    program
      .command('doctor')
      .description('check configuration, network, TLS, token, API version and the forensics endpoint')
      .addHelpText('after', DOCTOR_EXAMPLES)
      .action(async (_flags: unknown, command: Command) => {
        await run(async (context) => (await import('../commands/doctor.js')).runDoctor(context), globals(command));
      });
  }
  if (only !== undefined) return program;

  program
    .command('completion')
    .description('print a shell completion script')
    .addArgument(new Argument('<shell>', 'bash, zsh or fish').choices(SHELLS))
    .addHelpText('after', COMPLETION_EXAMPLES)
    .action((shell: Shell) => {
      write.out(completionScript(shell, completionSpec(program)));
    });

  program
    .command('help')
    .description(`help for a command, or a topic: ${Object.keys(TOPICS).join(', ')}`)
    .argument('[topic]', 'a command or a topic')
    .action((topic: string | undefined) => {
      if (topic === undefined) return program.outputHelp();
      const text = TOPICS[topic];
      if (text) return write.out(text());
      const command = program.commands.find((c) => c.name() === topic);
      if (command) return command.outputHelp();
      throw new UsageError(`no help for '${topic}'`, `try a command (${program.commands.map((c) => c.name()).join(', ')}) or a topic (${Object.keys(TOPICS).join(', ')})`);
    });

  return program;
}

/** The command tree in the terms of src/cli/completion.ts. */
export function completionSpec(program: Command): CompletionSpec {
  const flags = (command: Command): FlagInfo[] =>
    command.options.map((o) => ({
      names: [o.short, o.long].filter((n): n is string => Boolean(n)),
      description: o.description,
      takesValue: o.required || o.optional,
      choices: o.argChoices,
      file: /file|bundle/.test(o.long ?? ''),
    }));
  return {
    globalFlags: [...flags(program), { names: ['-h', '--help'], description: 'show help', takesValue: false, file: false }],
    commands: program.commands.map((c) => ({
      name: c.name(),
      description: c.description(),
      flags: flags(c),
      words: c.name() === 'completion' ? [...SHELLS] : c.name() === 'help' ? [...program.commands.map((x) => x.name()), ...Object.keys(TOPICS)] : undefined,
    })),
  };
}

/** `watch` flags as commander hands them over. */
export interface WatchFlags {
  interval?: string;
  timeout?: string;
  acceptPartial?: boolean;
  quiet?: boolean;
}
