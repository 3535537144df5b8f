/** Verification/signing keys for io.jwt.*: PEM certificates and public keys, JWKs and JWK sets (node:crypto). */
import { createPrivateKey, createPublicKey, X509Certificate, type JsonWebKey, type KeyObject } from 'node:crypto';
import { BuiltinError } from './define-builtin.ts';

/** A verification key with the JWK `kid`/`alg` it was published with (PEM keys have neither). */
export interface VerificationKey {
  readonly key: KeyObject;
  readonly kid?: string;
  readonly alg?: string;
}

/** Public keys from a PEM bundle (CERTIFICATE / PUBLIC KEY blocks) or a JWK / JWK set, with OPA's error texts. */
export function verificationKeys(text: string): VerificationKey[] {
  return parseVerificationKeys(text);
}

function parseVerificationKeys(text: string): VerificationKey[] {
  if (text.startsWith('-----BEGIN')) {
    const keys: KeyObject[] = [];
    let rest = text;
    for (;;) {
      const m = /^-----BEGIN ([A-Z0-9 ]+)-----\r?\n?([\s\S]*?)-----END \1-----\r?\n?/.exec(rest);
      if (!m) {
        if (rest.trim() !== '') throw new BuiltinError('extra data after a PEM certificate block');
        break;
      }
      const pem = m[0];
      if (m[1] === 'CERTIFICATE') {
        let cert: X509Certificate;
        try {
          cert = new X509Certificate(pem);
        } catch {
          throw new BuiltinError('failed to parse a PEM certificate');
        }
        try {
          keys.push(cert.publicKey);
        } catch {
          throw new BuiltinError('failed to extract a Key from the PEM certificate');
        }
      } else {
        try {
          keys.push(createPublicKey(pem));
        } catch {
          throw new BuiltinError('failed to extract a Key from the PEM certificate');
        }
      }
      rest = rest.slice(m[0].length).replace(/^\s+/, '');
      if (rest === '') break;
    }
    if (keys.length === 0) throw new BuiltinError('failed to parse a PEM certificate');
    return keys.map((key) => ({ key }));
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new BuiltinError('failed to parse a JWK key (set)');
  }
  const jwks = (parsed as { keys?: unknown }).keys;
  const list = Array.isArray(jwks) ? jwks : [parsed];
  try {
    return list.map((jwk) => {
      const record = jwk as { kid?: unknown; alg?: unknown };
      return {
        key: createPublicKey({ key: jwk as JsonWebKey, format: 'jwk' }),
        ...(typeof record.kid === 'string' ? { kid: record.kid } : {}),
        ...(typeof record.alg === 'string' ? { alg: record.alg } : {}),
      };
    });
  } catch {
    throw new BuiltinError('failed to parse a JWK key (set)');
  }
}

/** A signing key from a JWK object (oct keys give the raw secret). */
export function signingKey(jwk: Record<string, unknown>): KeyObject | Buffer {
  if (jwk.kty === 'oct') {
    if (typeof jwk.k !== 'string') throw new BuiltinError('invalid oct JWK: missing "k"');
    return Buffer.from(jwk.k, 'base64url');
  }
  try {
    return createPrivateKey({ key: jwk as JsonWebKey, format: 'jwk' });
  } catch (error) {
    throw new BuiltinError(`failed to parse JWK: ${error instanceof Error ? error.message : String(error)}`);
  }
}
