// Completion scripts from the built binary, exercised in the real shells: bash through its
// completion function, fish through `complete -C`, zsh typed into a terminal (tmux).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BIN, cleanEnv, runQcase } from '../support/run.js';

const has = (cmd: string, versionFlag = '--version') => {
  try {
    execFileSync(cmd, [versionFlag], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
const dir = mkdtempSync(path.join(tmpdir(), 'qcase-completion-'));
const scripts: Record<string, string> = {};

beforeAll(async () => {
  for (const shell of ['bash', 'zsh', 'fish']) {
    const r = await runQcase(['completion', shell], { env: cleanEnv() });
    expect(r.code).toBe(0);
    scripts[shell] = path.join(dir, `qcase.${shell}`);
    writeFileSync(scripts[shell]!, r.stdout);
  }
  // `qcase` on PATH for the shells, running the built binary.
  writeFileSync(path.join(dir, 'qcase'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
  chmodSync(path.join(dir, 'qcase'), 0o755);
});

describe('qcase completion', () => {
  it('exits 2 for a shell it does not know', async () => {
    const r = await runQcase(['completion', 'powershell'], { env: cleanEnv() });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/value 'powershell' is invalid for argument 'shell'\. Allowed choices are bash, zsh, fish/);
  });

  describe('bash', () => {
    const complete = (...words: string[]) =>
      execFileSync('bash', ['-c', `source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($#-1)); _qcase; printf '%s\\n' "\${COMPREPLY[@]}"`, 'bash', scripts.bash!, ...words], { encoding: 'utf8', cwd: dir })
        .trim()
        .split('\n')
        .filter(Boolean);

    it('completes subcommands, their flags, and -o values', () => {
      expect(complete('qcase', 'w')).toEqual(['watch']);
      expect(complete('qcase', 'get', '--o')).toEqual(['--output']);
      expect(complete('qcase', 'get', '-o', '')).toEqual(['table', 'json', 'status']);
      expect(complete('qcase', 'watch', '42', '--acc')).toEqual(['--accept-partial']);
      expect(complete('qcase', 'create', 'Phish42', '--as')).toEqual(['--assign']);
      expect(complete('qcase', 'completion', '')).toEqual(['bash', 'zsh', 'fish']);
      expect(complete('qcase', 'help', 'e')).toEqual(['environment', 'exit-codes']);
    });

    it('skips flag values when finding the subcommand, and completes files for --ca-file', () => {
      expect(complete('qcase', '--host', 'console', 'wa')).toEqual(['watch']);
      expect(complete('qcase', '--ca-file', 'qcase.b')).toEqual(['qcase.bash']);
      expect(complete('qcase', 'get', '--host', '')).toEqual([]);
    });
  });

  (has('fish') ? describe : describe.skip)('fish', () => {
    const complete = (line: string) =>
      execFileSync('fish', ['-c', `source $argv[1]; complete -C"${line}"`, scripts.fish!], { encoding: 'utf8' })
        .trim()
        .split('\n')
        .map((l) => l.split('\t')[0]);

    it('completes subcommands with descriptions, flags and -o values', () => {
      expect(complete('qcase ')).toEqual(expect.arrayContaining(['get', 'watch', 'create', 'doctor', 'completion', 'help']));
      expect(execFileSync('fish', ['-c', `source $argv[1]; complete -C"qcase "`, scripts.fish!], { encoding: 'utf8' })).toMatch(/^get\tshow case create tasks$/m);
      expect(complete('qcase get -o ').sort()).toEqual(['json', 'status', 'table']);
      expect(complete('qcase watch --acc')).toEqual(['--accept-partial']);
      expect(complete('qcase completion ').sort()).toEqual(['bash', 'fish', 'zsh']);
    });
  });

  (has('zsh') && has('tmux', '-V') ? describe : describe.skip)('zsh', () => {
    const socket = `qcase-zsh-${process.pid}`;
    const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
    afterAll(() => {
      try {
        tmux('kill-server');
      } catch {
        // already gone
      }
    });

    it('completes in an interactive zsh', async () => {
      const rc = path.join(dir, 'zshrc');
      writeFileSync(rc, `PS1='> '\nautoload -U compinit && compinit -u -d ${dir}/zcompdump\nsource ${scripts.zsh}\n`);
      tmux('new-session', '-d', '-x', '120', '-y', '10', 'env', `PATH=${dir}:${process.env.PATH}`, `HOME=${dir}`, 'zsh', '-f', '-i');
      const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
      const screenHas = async (text: RegExp) => {
        for (let i = 0; i < 60; i += 1) {
          if (text.test(tmux('capture-pane', '-p'))) return true;
          await sleep(100);
        }
        return false;
      };
      tmux('send-keys', `source ${rc}`, 'Enter');
      const ready = await screenHas(/^>\s*$/m);
      if (!ready) throw new Error(`zsh never showed its prompt:\n${tmux('capture-pane', '-p')}`);
      tmux('send-keys', 'qcase wa', 'Tab');
      expect(await screenHas(/> qcase watch\s*$/m)).toBe(true);
      tmux('send-keys', '42 --acc', 'Tab');
      expect(await screenHas(/> qcase watch 42 --accept-partial\s*$/m)).toBe(true);
      tmux('send-keys', '--', ' -o ', 'Tab');
      expect(await screenHas(/json\s+status\s+table/)).toBe(true);
    });
  });
});
