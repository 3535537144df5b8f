import { createPrivateKey, type KeyObject } from 'node:crypto';
import { FunctionArgError, FunctionError } from './define-function.ts';

function b64urlToBigInt(s: string): bigint {
  return BigInt(`0x${Buffer.from(s, 'base64url').toString('hex') || '0'}`);
}

function modPow(base: bigint, exp: bigint, mod: bigint): bigint {
  let result = 1n;
  let b = base % mod;
  let e = exp;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % mod;
    b = (b * b) % mod;
    e >>= 1n;
  }
  return result;
}

/**
 * RSA PKCS #1 v1.5 decryption as Terraform's `rsadecrypt` does it (Node's own PKCS #1 v1.5 decryption is
 * disabled for security reasons, so the modular arithmetic is done here; the inputs are not secret to
 * iacpac: they are written in the configuration).
 */
export function rsaDecrypt(ciphertextB64: string, pem: string): string {
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: pem, format: 'pem' });
  } catch {
    throw new FunctionArgError(1, 'failed to parse key: no key found');
  }
  if (key.asymmetricKeyType !== 'rsa') throw new FunctionArgError(1, 'failed to parse key: not an RSA private key');
  const jwk = key.export({ format: 'jwk' });
  const n = b64urlToBigInt(jwk.n!);
  const d = b64urlToBigInt(jwk.d!);
  const k = Math.ceil(n.toString(16).length / 2);
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(ciphertextB64)) throw new FunctionArgError(0, 'failed to decode input "cipher_text": cipher text must be base64-encoded');
  const c = Buffer.from(ciphertextB64, 'base64');
  if (c.length !== k) throw new FunctionError('failed to decrypt: crypto/rsa: decryption error');
  const m = modPow(BigInt(`0x${c.toString('hex')}`), d, n);
  const em = Buffer.from(m.toString(16).padStart(k * 2, '0'), 'hex');
  // EM = 0x00 || 0x02 || PS (>= 8 non-zero bytes) || 0x00 || M
  if (em[0] !== 0 || em[1] !== 2) throw new FunctionError('failed to decrypt: crypto/rsa: decryption error');
  const sep = em.indexOf(0, 2);
  if (sep < 10) throw new FunctionError('failed to decrypt: crypto/rsa: decryption error');
  return em.subarray(sep + 1).toString('utf8');
}
