#!/usr/bin/env node
// The qm command. `qm --version` answers without loading anything else (it must start as fast
// as node itself); every other command loads the bundled CLI, which loads only what it needs.
import { readFileSync } from 'node:fs';
import module from 'node:module';

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  process.stdout.write(`${pkg.version}\n`);
} else {
  // Node 22.1+ keeps compiled code between runs (about a fifth of a cold `qm check`); a no-op on 20.
  module.enableCompileCache?.();
  const { main } = await import('../dist/cli.js');
  process.exitCode = await main(process.argv);
}
