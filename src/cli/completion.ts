// Shell completion scripts, generated from the commander program itself (names, flags, choices),
// so they cannot drift from what qcase accepts.

/** One flag as completion needs it. */
export interface FlagInfo {
  names: string[];
  description: string;
  takesValue: boolean;
  choices?: string[] | undefined;
  /** Complete file names for the value. */
  file: boolean;
}

/** The command tree as completion needs it. */
export interface CompletionSpec {
  commands: Array<{ name: string; description: string; flags: FlagInfo[]; words?: string[] | undefined }>;
  globalFlags: FlagInfo[];
}

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

const words = (list: string[]) => list.join(' ');

function bash(spec: CompletionSpec): string {
  const all = [...spec.globalFlags, ...spec.commands.flatMap((c) => c.flags)];
  const fileFlags = [...new Set(all.filter((f) => f.file).flatMap((f) => f.names))];
  const valueFlags = [...new Set(all.filter((f) => f.takesValue && !f.file && !f.choices).flatMap((f) => f.names))];
  const choiceArms = [...new Map(all.filter((f) => f.choices).map((f) => [f.names.join('|'), f.choices!])).entries()]
    .map(([names, choices]) => `    ${names}) COMPREPLY=($(compgen -W "${words(choices)}" -- "$cur")); return ;;`)
    .join('\n');
  const commandArms = spec.commands
    .map((c) => {
      const flags = words(c.flags.flatMap((f) => f.names));
      const positional = c.words ? `      if [[ $cur != -* ]]; then COMPREPLY=($(compgen -W "${words(c.words)}" -- "$cur")); return; fi\n` : '';
      return `    ${c.name})\n${positional}      opts="${flags}" ;;`;
    })
    .join('\n');
  return `# qcase completion for bash. Load it with: source <(qcase completion bash)
_qcase() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}"
  local commands="${words(spec.commands.map((c) => c.name))}"
  local global="${words(spec.globalFlags.flatMap((f) => f.names))}"
  case "$prev" in
${choiceArms}
    ${fileFlags.join('|')}) COMPREPLY=($(compgen -f -- "$cur")); return ;;
    ${valueFlags.join('|')}) return ;;
  esac
  local cmd="" i
  for ((i = 1; i < COMP_CWORD; i++)); do
    case "\${COMP_WORDS[i]}" in
      ${[...fileFlags, ...valueFlags, ...all.filter((f) => f.choices).flatMap((f) => f.names)].join('|')}) ((i++)) ;;
      -*) ;;
      *) cmd="\${COMP_WORDS[i]}"; break ;;
    esac
  done
  if [[ -z $cmd ]]; then
    COMPREPLY=($(compgen -W "$commands $global" -- "$cur"))
    return
  fi
  local opts=""
  case "$cmd" in
${commandArms}
  esac
  COMPREPLY=($(compgen -W "$opts $global" -- "$cur"))
}
complete -F _qcase qcase
`;
}

function zsh(spec: CompletionSpec): string {
  return `#compdef qcase
# qcase completion for zsh (through zsh's bash completion layer).
# Load it with: source <(qcase completion zsh)
(( $+functions[compdef] )) || { autoload -U +X compinit && compinit }
autoload -U +X bashcompinit && bashcompinit
${bash(spec).split('\n').slice(1).join('\n')}`;
}

const fishQuote = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

function fishFlag(flag: FlagInfo, condition?: string): string {
  const parts = ['complete -c qcase'];
  if (condition) parts.push(`-n ${fishQuote(condition)}`);
  for (const name of flag.names) parts.push(name.startsWith('--') ? `-l ${name.slice(2)}` : `-s ${name.slice(1)}`);
  if (flag.choices) parts.push(`-x -a ${fishQuote(words(flag.choices))}`);
  else if (flag.file) parts.push('-r -F');
  else if (flag.takesValue) parts.push('-x');
  parts.push(`-d ${fishQuote(flag.description)}`);
  return parts.join(' ');
}

function fish(spec: CompletionSpec): string {
  const lines = ['# qcase completion for fish. Load it with: qcase completion fish | source', 'complete -c qcase -f'];
  for (const c of spec.commands) lines.push(`complete -c qcase -n __fish_use_subcommand -a ${c.name} -d ${fishQuote(c.description)}`);
  for (const f of spec.globalFlags) lines.push(fishFlag(f));
  for (const c of spec.commands) {
    const condition = `__fish_seen_subcommand_from ${c.name}`;
    for (const f of c.flags) lines.push(fishFlag(f, condition));
    if (c.words) lines.push(`complete -c qcase -n ${fishQuote(condition)} -a ${fishQuote(words(c.words))}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The completion script for `shell`. */
export function completionScript(shell: Shell, spec: CompletionSpec): string {
  return shell === 'bash' ? bash(spec) : shell === 'zsh' ? zsh(spec) : fish(spec);
}
