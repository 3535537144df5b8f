import { existsSync, readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { posix, resolve } from 'node:path';
import { T_BOOL, T_STRING } from '../eval/types.ts';
import { makeSet, type TfValue, UNKNOWN, unknownOf } from '../eval/value.ts';
import { type CallContext, defineFunction, FunctionArgError, type TfFunction } from './define-function.ts';
import { decodeUtf8File, readConfigFile, resolveConfigPath } from './file-access.ts';
import { renderTemplate } from './template-support.ts';

const str = (v: TfValue): string => v as string;

function noDir(ctx: CallContext, name: string): TfValue {
  ctx.warn('File function not evaluated', `${name}() needs the configuration directory, which was not given; the result is treated as unknown.`);
  return UNKNOWN;
}

/** Go's filepath.Dir / Base on slash paths. */
function goDir(p: string): string {
  if (p === '') return '.';
  const i = p.lastIndexOf('/');
  const dir = i < 0 ? '' : p.slice(0, i + 1);
  const cleaned = posix.normalize(dir === '' ? '.' : dir);
  return cleaned.length > 1 && cleaned.endsWith('/') ? cleaned.slice(0, -1) : cleaned;
}
function goBase(p: string): string {
  if (p === '') return '.';
  const trimmed = p.replace(/\/+$/, '');
  if (trimmed === '') return '/';
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** Glob match of one path against a Terraform fileset pattern (`*`, `**`, `?`, `[...]`, `{a,b}`). */
function globToRegExp(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*') {
      if (pattern[i + 1] === '*') {
        const slash = pattern[i + 2] === '/';
        re += slash ? '(?:.*/)?' : '.*';
        i += slash ? 2 : 1;
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end < 0) throw new Error('unterminated [');
      const body = pattern.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\');
      re += `[${body}]`;
      i = end;
    } else if (c === '{') {
      const end = pattern.indexOf('}', i + 1);
      if (end < 0) throw new Error('unterminated {');
      re += `(?:${pattern
        .slice(i + 1, end)
        .split(',')
        .map((alt) => alt.replace(/[.+^$()|\\]/g, '\\$&').replace(/\*/g, '[^/]*'))
        .join('|')})`;
      i = end;
    } else if (c === '\\' && i + 1 < pattern.length) re += `\\${pattern[++i]}`;
    else re += c.replace(/[.+^$()|{}\\/]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

function listFiles(dir: string, prefix: string, out: string[], budget: { n: number }): void {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (--budget.n < 0) return;
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) listFiles(`${dir}/${entry.name}`, rel, out, budget);
    else out.push(rel);
  }
}

export const filesystemFunctions: TfFunction[] = [
  defineFunction({ name: 'basename', impl: ([p]) => goBase(str(p!)) }),
  defineFunction({ name: 'dirname', impl: ([p]) => goDir(str(p!)) }),
  defineFunction({
    name: 'abspath',
    impl: ([p], ctx) => (ctx.cwd ? resolve(ctx.cwd, str(p!)).replace(/\\/g, '/') : unknownOf(T_STRING)),
  }),
  defineFunction({
    name: 'pathexpand',
    impl: ([p]) => {
      const s = str(p!);
      if (s === '~' || s.startsWith('~/')) return homedir() + s.slice(1);
      return s;
    },
  }),
  defineFunction({
    name: 'file',
    impl: ([p], ctx) => {
      const buf = readConfigFile(str(p!), ctx);
      return buf === undefined ? noDir(ctx, 'file') : decodeUtf8File(buf, str(p!));
    },
  }),
  defineFunction({
    name: 'filebase64',
    impl: ([p], ctx) => {
      const buf = readConfigFile(str(p!), ctx);
      return buf === undefined ? noDir(ctx, 'filebase64') : buf.toString('base64');
    },
  }),
  defineFunction({
    name: 'fileexists',
    impl: ([p], ctx) => {
      const real = resolveConfigPath(str(p!), ctx);
      if (real === undefined) return unknownOf(T_BOOL);
      if (!existsSync(real)) return false;
      if (statSync(real).isDirectory()) throw new FunctionArgError(0, `${JSON.stringify(str(p!))} is a directory, not a file`);
      return true;
    },
  }),
  defineFunction({
    name: 'fileset',
    impl: ([p, pattern], ctx) => {
      const real = resolveConfigPath(str(p!), ctx);
      if (real === undefined) return noDir(ctx, 'fileset');
      let re: RegExp;
      try {
        re = globToRegExp(str(pattern!));
      } catch (error) {
        throw new FunctionArgError(1, `failed to glob pattern ${JSON.stringify(str(pattern!))}: ${(error as Error).message}`);
      }
      if (!existsSync(real) || !statSync(real).isDirectory()) return makeSet([], T_STRING);
      const files: string[] = [];
      listFiles(real, '', files, { n: 100_000 });
      return makeSet(files.filter((f) => re.test(f)), T_STRING);
    },
  }),
  defineFunction({
    name: 'templatefile',
    impl: ([p, vars], ctx) => {
      const buf = readConfigFile(str(p!), ctx);
      if (buf === undefined) return noDir(ctx, 'templatefile');
      return renderTemplate(decodeUtf8File(buf, str(p!)), str(p!), vars!, ctx, 1);
    },
  }),
];
