import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { FunctionArgError, FunctionError } from './define-function.ts';
import type { CallContext } from './define-function.ts';
import { MAX_RESULT_LENGTH } from './helpers.ts';

/** The directories file functions may read: the module directory and the root module directory. */
function allowedRoots(ctx: CallContext): string[] {
  const roots = [ctx.baseDir, ctx.rootDir].filter((d): d is string => typeof d === 'string');
  return roots.map((d) => (existsSync(d) ? realpathSync(d) : resolve(d)));
}

function inside(path: string, root: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel) && !rel.startsWith(`..${sep}`));
}

/**
 * Resolves a path given to a file function (relative paths from the working directory, as Terraform
 * does) and refuses anything outside the configuration: iacpac never reads files it was not given.
 * Returns undefined when no directory is known (then the caller yields unknown).
 */
export function resolveConfigPath(path: string, ctx: CallContext, argIndex = 0): string | undefined {
  const roots = allowedRoots(ctx);
  if (roots.length === 0) return undefined;
  const base = ctx.cwd ?? ctx.rootDir ?? ctx.baseDir!;
  const expanded = path.startsWith('~') ? path : path;
  const abs = resolve(base, expanded);
  const real = existsSync(abs) ? realpathSync(abs) : abs;
  if (!roots.some((r) => inside(real, r)))
    throw new FunctionArgError(argIndex, `the path ${JSON.stringify(path)} is outside the configuration directory; iacpac reads only files inside the module being analysed`);
  return real;
}

export function noFile(path: string, argIndex = 0): FunctionArgError {
  return new FunctionArgError(
    argIndex,
    `no file exists at ${JSON.stringify(path)}; this function works only with files that are distributed as part of the configuration source code, so if this file will be created by a resource in this configuration you must instead obtain this result from an attribute of that resource`,
  );
}

/** Reads a file of the configuration (bounded size); undefined when there is no configuration directory. */
export function readConfigFile(path: string, ctx: CallContext, argIndex = 0): Buffer | undefined {
  const real = resolveConfigPath(path, ctx, argIndex);
  if (real === undefined) return undefined;
  if (!existsSync(real)) throw noFile(path, argIndex);
  const st = statSync(real);
  if (st.isDirectory()) throw new FunctionArgError(argIndex, `${JSON.stringify(path)} is a directory, not a file`);
  if (st.size > MAX_RESULT_LENGTH) throw new FunctionArgError(argIndex, `${JSON.stringify(path)} is larger than ${MAX_RESULT_LENGTH} bytes`);
  return readFileSync(real);
}

export function decodeUtf8File(buf: Buffer, path: string, argIndex = 0): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    void argIndex;
    throw new FunctionError(
      `contents of ${JSON.stringify(path)} are not valid UTF-8; use the filebase64 function to obtain the Base64 encoded contents or the other file functions (e.g. filemd5, filesha256) to obtain file hashing results instead`,
    );
  }
}
