#!/usr/bin/env node
// pre-commit entry (.pre-commit-hooks.yaml): `iacpac-pre-commit <check|validate> [options] <changed files>...`.
// pre-commit passes the changed files; a Terraform module is a directory, so each file stands for its directory
// (analysing a file alone would miss what the other files of its module declare). Options pass through.
import { existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

const [command, ...rest] = process.argv.slice(2);
const isChangedFile = (arg) => /\.(tf|tf\.json|tfvars|tfvars\.json)$/.test(arg) && existsSync(arg) && statSync(arg).isFile();
const options = rest.filter((arg) => !isChangedFile(arg));
const dirs = [...new Set(rest.filter(isChangedFile).map((file) => dirname(file)))];
if (command !== 'check' && command !== 'validate') {
  process.stderr.write('iacpac-pre-commit: the first argument must be check or validate\n');
  process.exit(2);
}
if (dirs.length === 0) process.exit(0); // no Terraform file changed
process.argv = [process.argv[0], process.argv[1], command, ...options, ...dirs];
await import('../dist/cli.js');
