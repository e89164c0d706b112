// In-memory streams for running main() in the test process.
import { PassThrough, Writable } from 'node:stream';
import type { IOStreams } from '../../src/io/streams.js';

export interface MemoryIO extends IOStreams {
  out(): string;
  err(): string;
}

function sink(): Writable & { text: string } {
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      stream.text += chunk.toString();
      done();
    },
  }) as Writable & { text: string };
  stream.text = '';
  return stream;
}

export function memoryIO(env: Record<string, string | undefined> = {}, cwd = process.cwd(), tty = false): MemoryIO {
  const stdout = sink();
  const stderr = sink();
  const stdin = new PassThrough();
  stdin.end();
  return { stdout, stderr, stdin, stdoutIsTTY: tty, stderrIsTTY: tty, env, cwd, out: () => stdout.text, err: () => stderr.text };
}
