import { createHash } from 'node:crypto';
import { T_STRING } from '../eval/types.ts';
import { type TfValue, unknownOf } from '../eval/value.ts';
import { type CallContext, defineFunction, FunctionArgError, FunctionError, type TfFunction } from './define-function.ts';
import { readConfigFile } from './file-access.ts';
import { rsaDecrypt } from './rsa-decrypt.ts';

const str = (v: TfValue): string => v as string;
const hash = (alg: string, data: string | Buffer, enc: 'hex' | 'base64'): string => createHash(alg).update(data).digest(enc);

function fileHash(name: string, alg: string, enc: 'hex' | 'base64'): ReturnType<typeof defineFunction> {
  return defineFunction({
    name,
    impl: ([p], ctx: CallContext) => {
      const buf = readConfigFile(str(p!), ctx);
      return buf === undefined ? unknownOf(T_STRING) : hash(alg, buf, enc);
    },
  });
}

const NAMESPACES: Record<string, string> = {
  dns: '6ba7b810-9dad-11d1-80b4-00c04fd430c8',
  url: '6ba7b811-9dad-11d1-80b4-00c04fd430c8',
  oid: '6ba7b812-9dad-11d1-80b4-00c04fd430c8',
  x500: '6ba7b814-9dad-11d1-80b4-00c04fd430c8',
};

function uuidv5(namespace: string, name: string): string {
  const ns = NAMESPACES[namespace] ?? namespace;
  const hex = ns.replace(/^urn:uuid:/i, '').replace(/^\{|\}$/g, '').replace(/-/g, '');
  if (!/^[0-9a-fA-F]{32}$/.test(hex))
    throw new FunctionError(`uuidv5() doesn't support namespace ${namespace} (invalid UUID length: ${namespace.length})`);
  const digest = createHash('sha1').update(Buffer.from(hex, 'hex')).update(name, 'utf8').digest();
  digest[6] = (digest[6]! & 0x0f) | 0x50;
  digest[8] = (digest[8]! & 0x3f) | 0x80;
  const h = digest.subarray(0, 16).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export const hashCryptoFunctions: TfFunction[] = [
  defineFunction({ name: 'md5', impl: ([s]) => hash('md5', str(s!), 'hex') }),
  defineFunction({ name: 'sha1', impl: ([s]) => hash('sha1', str(s!), 'hex') }),
  defineFunction({ name: 'sha256', impl: ([s]) => hash('sha256', str(s!), 'hex') }),
  defineFunction({ name: 'sha512', impl: ([s]) => hash('sha512', str(s!), 'hex') }),
  defineFunction({ name: 'base64sha256', impl: ([s]) => hash('sha256', str(s!), 'base64') }),
  defineFunction({ name: 'base64sha512', impl: ([s]) => hash('sha512', str(s!), 'base64') }),
  fileHash('filemd5', 'md5', 'hex'),
  fileHash('filesha1', 'sha1', 'hex'),
  fileHash('filesha256', 'sha256', 'hex'),
  fileHash('filesha512', 'sha512', 'hex'),
  fileHash('filebase64sha256', 'sha256', 'base64'),
  fileHash('filebase64sha512', 'sha512', 'base64'),
  // Random salts / random ids: known only after apply, exactly as Terraform plans them.
  defineFunction({
    name: 'bcrypt',
    impl: ([, cost]) => {
      if (cost !== undefined && (!Number.isInteger(cost) || (cost as number) < 4 || (cost as number) > 31))
        throw new FunctionArgError(1, 'bcrypt cost must be a whole number between 4 and 31');
      return unknownOf(T_STRING);
    },
  }),
  defineFunction({ name: 'uuid', impl: () => unknownOf(T_STRING) }),
  defineFunction({ name: 'rsadecrypt', impl: ([c, key]) => rsaDecrypt(str(c!), str(key!)) }),
  defineFunction({ name: 'uuidv5', impl: ([ns, name]) => uuidv5(str(ns!), str(name!)) }),
];
