#!/usr/bin/env node
/**
 * Entry point of the `osmose` command (package bin).
 */
import { runCli } from './main';

process.exitCode = runCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
});
