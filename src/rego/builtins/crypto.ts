/** OPA categories `crypto` and `crypto.hmac`: digests and HMACs (node:crypto). x509 parsing lives in x509.ts. */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { defineCategory } from './builtin.ts';
import { stringOperand } from './operands.ts';

const crypto = defineCategory('crypto');
const hmac = defineCategory('crypto.hmac');

const digest = (algorithm: string) => (args: readonly unknown[]) =>
  createHash(algorithm).update(Buffer.from(stringOperand(args[0] as string, 1), 'utf8')).digest('hex');

const keyedDigest = (algorithm: string) => (args: readonly unknown[]) =>
  createHmac(algorithm, Buffer.from(stringOperand(args[1] as string, 2), 'utf8'))
    .update(Buffer.from(stringOperand(args[0] as string, 1), 'utf8'))
    .digest('hex');

export const cryptoBuiltins = [
  crypto('crypto.md5', digest('md5')),
  crypto('crypto.sha1', digest('sha1')),
  crypto('crypto.sha256', digest('sha256')),
  hmac('crypto.hmac.md5', keyedDigest('md5')),
  hmac('crypto.hmac.sha1', keyedDigest('sha1')),
  hmac('crypto.hmac.sha256', keyedDigest('sha256')),
  hmac('crypto.hmac.sha512', keyedDigest('sha512')),
  hmac('crypto.hmac.equal', ([a, b]) => {
    const x = Buffer.from(stringOperand(a, 1), 'utf8');
    const y = Buffer.from(stringOperand(b, 2), 'utf8');
    return x.length === y.length && timingSafeEqual(x, y);
  }),
];
