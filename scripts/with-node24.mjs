#!/usr/bin/env node
// Runs a command with Node 24 LTS. Einlass targets Node 24; where the machine's Node is older
// (Node 20 is end-of-life) this fetches Node 24 from the npm registry's `node-<os>-<arch>`
// package (binary and headers) into ~/.cache and puts it first on PATH for the command.
// Written in plain JavaScript so that it runs on the older Node too.
import { execSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

// One argument is a shell command line ("a && b"); several are a program and its arguments,
// started without a shell so that signals reach the program itself.
const argv = process.argv.slice(2);
const command = argv.join(' ');
if (!command) {
  console.error('usage: node scripts/with-node24.mjs <command>');
  process.exit(2);
}
const env = { ...process.env };
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  const pkg = `node-${process.platform}-${process.arch}`;
  const dir = process.env.EINLASS_NODE24_DIR || join(homedir(), '.cache', 'einlass-node24');
  const home = join(dir, 'node_modules', pkg);
  const bin = join(home, 'bin');
  if (!existsSync(join(bin, 'node'))) {
    console.log(`Einlass needs Node 24; this is Node ${process.versions.node}. Fetching ${pkg}@24 from the npm registry into ${dir} …`);
    execSync(`npm install --no-save --no-package-lock --no-audit --no-fund --prefix "${dir}" ${pkg}@24`, { stdio: 'inherit' });
  }
  env.PATH = `${bin}${process.platform === 'win32' ? ';' : ':'}${env.PATH}`;
  env.npm_config_nodedir = home;
}
const child =
  argv.length > 1 ? spawn(argv[0], argv.slice(1), { stdio: 'inherit', env }) : spawn(command, { shell: true, stdio: 'inherit', env });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(s, () => child.kill(s));
