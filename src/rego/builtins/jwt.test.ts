import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { callBuiltin, testContext } from './call-builtin.test-helper.ts';
import { fromJS, RegoObject, toJSONText, type RegoValue } from '../value.ts';

const js = (v: unknown): RegoValue => fromJS(v);
// The example token of RFC 7519 tooling (jwt.io), HS256 with secret "your-256-bit-secret".
const JWT_IO =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';

describe('io.jwt.decode / verify_hs256', () => {
  it('decodes header, payload and hex signature', () => {
    const [header, payload, signature] = callBuiltin('io.jwt.decode', [JWT_IO]) as RegoValue[];
    expect(toJSONText(header!)).toBe('{"alg":"HS256","typ":"JWT"}');
    expect(toJSONText(payload!)).toBe('{"iat":1516239022,"name":"John Doe","sub":"1234567890"}');
    expect(signature).toBe(Buffer.from(JWT_IO.split('.')[2]!, 'base64url').toString('hex'));
  });
  it('verifies the HMAC with the right secret only', () => {
    expect(callBuiltin('io.jwt.verify_hs256', [JWT_IO, 'your-256-bit-secret'])).toBe(true);
    expect(callBuiltin('io.jwt.verify_hs256', [JWT_IO, 'wrong'])).toBe(false);
  });
  it.each([
    ['abc', 'encoded JWT had no period separators'],
    ['a.b', 'encoded JWT must have 3 sections, found 2'],
    ['eyJhbGciOiJIUzI1NiIsImVuYyI6IngifQ.e30.', 'JWT is a JWE object, which is not supported'],
    ['eyJhbGciOiJIUzI1NiJ9!!.e30.', 'JWT header had invalid encoding: illegal base64 data at input byte 20'],
    ['eyJhbGciOiJIUzI1NiJ9!.e30.', 'JWT header had invalid encoding: illegal base64url string'],
  ])('rejects %s', (token, message) => {
    expect(() => callBuiltin('io.jwt.decode', [token])).toThrow(message);
  });
});

describe('io.jwt.encode_sign -> io.jwt.decode_verify round trips', () => {
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const ed = generateKeyPairSync('ed25519');
  const pem = (k: { export(o: { type: 'spki'; format: 'pem' }): string | Buffer }): string => String(k.export({ type: 'spki', format: 'pem' }));
  const cases: Array<[string, RegoValue, string, 'cert' | 'secret']> = [
    ['HS256', js({ kty: 'oct', k: Buffer.from('s3cret').toString('base64url') }), 's3cret', 'secret'],
    ['RS256', js(rsa.privateKey.export({ format: 'jwk' })), pem(rsa.publicKey), 'cert'],
    ['PS384', js(rsa.privateKey.export({ format: 'jwk' })), pem(rsa.publicKey), 'cert'],
    ['ES256', js(ec.privateKey.export({ format: 'jwk' })), pem(ec.publicKey), 'cert'],
    ['EdDSA', js(ed.privateKey.export({ format: 'jwk' })), JSON.stringify(ed.publicKey.export({ format: 'jwk' })), 'cert'],
  ];
  const context = testContext({ nowNs: 1_600_000_000_000_000_000n });

  it.each(cases)('%s', (alg, jwk, key, keyKind) => {
    const token = callBuiltin('io.jwt.encode_sign', [js({ alg, typ: 'JWT' }), js({ iss: 'opa', exp: 1_700_000_000, aud: 'x' }), jwk]) as string;
    const [valid, header, payload] = callBuiltin('io.jwt.decode_verify', [token, js({ [keyKind]: key, iss: 'opa', aud: 'x' })], context) as RegoValue[];
    expect(valid).toBe(true);
    expect((header as RegoObject).get('alg')).toBe(alg);
    expect((payload as RegoObject).get('iss')).toBe('opa');
    // Expired, wrong issuer, wrong audience and missing audience all fail verification.
    const expired = testContext({ nowNs: 1_800_000_000_000_000_000n });
    for (const [constraints, ctx] of [
      [{ [keyKind]: key, aud: 'x' }, expired],
      [{ [keyKind]: key, iss: 'other', aud: 'x' }, context],
      [{ [keyKind]: key, aud: 'y' }, context],
      [{ [keyKind]: key }, context],
    ] as const) {
      expect(toJSONText(callBuiltin('io.jwt.decode_verify', [token, js(constraints)], ctx)!)).toBe('[false,{},{}]');
    }
  });

  it('checks constraints like OPA', () => {
    const token = callBuiltin('io.jwt.encode_sign', [js({ alg: 'HS256' }), js({}), js({ kty: 'oct', k: 'NDI' })]) as string;
    expect(() => callBuiltin('io.jwt.decode_verify', [token, js({})])).toThrow('no key constraint');
    expect(() => callBuiltin('io.jwt.decode_verify', [token, js({ secret: '42', cert: cases[1]![2] })])).toThrow('duplicate key constraints');
    expect(() => callBuiltin('io.jwt.decode_verify', [token, js({ secret: '42', nope: 1 })])).toThrow('unknown token validation constraint: nope');
    expect(() => callBuiltin('io.jwt.decode_verify', [token, js({ secret: '42', time: -1 })])).toThrow('token time constraint: must not be negative');
    expect(toJSONText(callBuiltin('io.jwt.decode_verify', [token, js({ secret: '42', alg: 'HS384' })])!)).toBe('[false,{},{}]');
    expect(toJSONText(callBuiltin('io.jwt.decode_verify', [token, js({ secret: '42' })])!)).toBe('[true,{"alg":"HS256"},{}]');
  });

  it('treats an unknown critical header as invalid, a known one as fine', () => {
    const key = js({ kty: 'oct', k: 'NDI' });
    const critUnknown = callBuiltin('io.jwt.encode_sign', [js({ alg: 'HS256', crit: ['junk'], junk: 1 }), js({}), key]) as string;
    const critKnown = callBuiltin('io.jwt.encode_sign', [js({ alg: 'HS256', crit: ['kid'], kid: 'k' }), js({}), key]) as string;
    expect((callBuiltin('io.jwt.decode_verify', [critUnknown, js({ secret: '42' })]) as RegoValue[])[0]).toBe(false);
    expect((callBuiltin('io.jwt.decode_verify', [critKnown, js({ secret: '42' })]) as RegoValue[])[0]).toBe(true);
  });

  it('rejects non-numeric time claims', () => {
    const token = callBuiltin('io.jwt.encode_sign', [js({ alg: 'HS256' }), js({ nbf: 'soon' }), js({ kty: 'oct', k: 'NDI' })]) as string;
    expect(() => callBuiltin('io.jwt.decode_verify', [token, js({ secret: '42' })])).toThrow('nbf value must be a number');
  });

  it('reports header problems of encode_sign_raw like OPA', () => {
    const key = '{"kty":"oct","k":"NDI"}';
    expect(() => callBuiltin('io.jwt.encode_sign_raw', ['{}', '{}', key])).toThrow(`missing or invalid 'alg' header: jwsbb: header "alg" not found`);
    expect(() => callBuiltin('io.jwt.encode_sign_raw', ['{"alg":"dummy"}', '{}', key])).toThrow('unknown JWS algorithm: dummy');
    expect(() => callBuiltin('io.jwt.encode_sign_raw', ['{"typ":"JWT","alg":"HS256"}', 'e', key])).toThrow('type is JWT but payload is not JSON');
  });
});
