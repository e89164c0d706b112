#!/usr/bin/env node
// The installed command: runs the bundle and is the only place that ends the process.
import { main } from '../dist/main.js';

// `qcase get 1 2 3 | head -1` closes stdout early: that is not an error worth a stack trace.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
});

const code = await main(process.argv.slice(2));
process.exitCode = code;
// Let stdout drain, then end even if a timer or socket is still open.
process.stdout.write('', () => process.exit(code));
