/** OPA categories `tokens` and `tokensign`: io.jwt.decode, verify_*, decode_verify, encode_sign(_raw). */
import { constants, createHmac, sign as cryptoSign, timingSafeEqual, verify as cryptoVerify, type KeyObject } from 'node:crypto';
import { BuiltinError, type BuiltinContext } from './define-builtin.ts';
import { defineCategory } from './builtin.ts';
import { goBase64Decode } from './go-base64.ts';
import { marshalJson, parseJson } from './json-text.ts';
import { verificationKeys, signingKey, type VerificationKey } from './jwt-keys.ts';
import { objectOperand, stringOperand } from './operands.ts';
import { isNumber, RegoObject, toJS, type RegoValue } from '../value.ts';

const tokens = defineCategory('tokens');
const tokensign = defineCategory('tokensign');

type Algorithm = 'HS256' | 'HS384' | 'HS512' | 'RS256' | 'RS384' | 'RS512' | 'PS256' | 'PS384' | 'PS512' | 'ES256' | 'ES384' | 'ES512' | 'EdDSA';
const HASH: Record<Algorithm, string | null> = {
  HS256: 'sha256',
  HS384: 'sha384',
  HS512: 'sha512',
  RS256: 'sha256',
  RS384: 'sha384',
  RS512: 'sha512',
  PS256: 'sha256',
  PS384: 'sha384',
  PS512: 'sha512',
  ES256: 'sha256',
  ES384: 'sha384',
  ES512: 'sha512',
  EdDSA: null,
};
const isAlgorithm = (a: unknown): a is Algorithm => typeof a === 'string' && Object.hasOwn(HASH, a);

/** OPA's base64url decoding (padding added when missing), returning raw bytes. */
function base64UrlBytes(text: string): Buffer {
  let s = text;
  if (!s.endsWith('=')) {
    const rest = Buffer.byteLength(s) % 4;
    if (rest === 2) s += '==';
    else if (rest === 3) s += '=';
    else if (rest === 1) throw new BuiltinError(`illegal base64url string: ${text}`);
  }
  return goBase64Decode(s, { url: true });
}

function jsonObject(text: string, what: string): RegoObject {
  let v: RegoValue;
  try {
    v = parseJson(text);
  } catch (error) {
    throw new BuiltinError(`${what}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!(v instanceof RegoObject)) throw new BuiltinError(`${what}: not a JSON object`);
  return v;
}

interface Token {
  readonly parts: readonly [string, string, string];
  readonly header: RegoObject;
  readonly payload: RegoObject;
  readonly signature: Buffer;
  /** The inner token when the header says `cty: JWT`. */
  readonly nested?: string;
}

export function decodeToken(text: string): Token {
  if (!text.includes('.')) throw new BuiltinError('encoded JWT had no period separators');
  const parts = text.split('.');
  if (parts.length !== 3) throw new BuiltinError(`encoded JWT must have 3 sections, found ${parts.length}`);
  const [h, p, s] = parts as [string, string, string];
  let headerText: string;
  try {
    headerText = base64UrlBytes(h).toString('utf8');
  } catch (error) {
    throw new BuiltinError(`JWT header had invalid encoding: ${(error as Error).message}`);
  }
  const header = jsonObject(headerText, 'bad JWT header');
  if (header.get('enc') !== undefined) throw new BuiltinError('JWT is a JWE object, which is not supported');
  let payloadText: string;
  try {
    payloadText = base64UrlBytes(p).toString('utf8');
  } catch (error) {
    throw new BuiltinError(`JWT payload had invalid encoding: ${(error as Error).message}`);
  }
  const cty = header.get('cty');
  if (typeof cty === 'string' && cty.toUpperCase() === 'JWT') {
    // A nested token: the payload is another encoded JWT (possibly quoted).
    let outerSignature: Buffer;
    try {
      outerSignature = base64UrlBytes(s);
    } catch (error) {
      throw new BuiltinError(`JWT signature had invalid encoding: ${(error as Error).message}`);
    }
    const nested = payloadText.replace(/^["']+|["']+$/g, '');
    return { parts: [h, p, s], header, payload: new RegoObject(), signature: outerSignature, nested };
  }
  const payload = jsonObject(payloadText, 'bad JWT payload');
  let signature: Buffer;
  try {
    signature = base64UrlBytes(s);
  } catch (error) {
    throw new BuiltinError(`JWT signature had invalid encoding: ${(error as Error).message}`);
  }
  return { parts: [h, p, s], header, payload, signature };
}

function verifySignature(alg: Algorithm, input: Buffer, signature: Buffer, key: KeyObject | Buffer): boolean {
  const hash = HASH[alg];
  try {
    if (alg.startsWith('HS')) {
      const expected = createHmac(hash!, key as Buffer).update(input).digest();
      return expected.length === signature.length && timingSafeEqual(expected, signature);
    }
    const k = key as KeyObject;
    if (alg.startsWith('PS')) {
      return cryptoVerify(hash, input, { key: k, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_AUTO }, signature);
    }
    if (alg.startsWith('ES')) return cryptoVerify(hash, input, { key: k, dsaEncoding: 'ieee-p1363' }, signature);
    if (alg === 'EdDSA') return cryptoVerify(null, input, k, signature);
    return cryptoVerify(hash, input, k, signature);
  } catch {
    return false;
  }
}

function signingInput(token: Token): Buffer {
  return Buffer.from(`${token.parts[0]}.${token.parts[1]}`, 'utf8');
}

function verifyWith(alg: Algorithm) {
  return ([t, k]: readonly RegoValue[]): boolean => {
    const token = decodeToken(stringOperand(t, 1));
    const keyText = stringOperand(k, 2);
    if (token.header.get('alg') !== alg) return false;
    if (alg.startsWith('HS')) return verifySignature(alg, signingInput(token), token.signature, Buffer.from(keyText, 'utf8'));
    const keys = verificationKeys(keyText);
    return keys.some((k) => verifySignature(alg, signingInput(token), token.signature, k.key));
  };
}

function numericClaim(payload: RegoObject, name: string): number | undefined {
  const v = payload.get(name);
  if (v === undefined) return undefined;
  if (!isNumber(v)) throw new BuiltinError(`${name} value must be a number`);
  return Number(v);
}

const KNOWN_HEADERS = new Set(['alg', 'kid', 'typ', 'cty', 'crit']);

/** OPA's header checks: string-typed known parameters, a non-empty `crit` list; invalid when `alg` is missing or an
 * unrecognised parameter is marked critical. */
function headerIsValid(header: RegoObject): boolean {
  let crit: Set<string> | undefined;
  for (const [k, v] of header) {
    if (typeof k !== 'string') continue;
    if (k === 'crit') {
      if (!Array.isArray(v)) throw new BuiltinError('crit: must be a list');
      crit = new Set((v as readonly RegoValue[]).filter((x): x is string => typeof x === 'string'));
      if (crit.size === 0) throw new BuiltinError('crit: must be a nonempty list');
    } else if (KNOWN_HEADERS.has(k) && typeof v !== 'string') throw new BuiltinError(`${k}: must be a string`);
  }
  if (typeof header.get('alg') !== 'string' || header.get('alg') === '') return false;
  for (const k of header.keys()) if (typeof k === 'string' && !KNOWN_HEADERS.has(k) && crit?.has(k)) return false;
  return true;
}

interface Constraints {
  keys?: VerificationKey[];
  secret?: string;
  alg?: string;
  iss?: string;
  aud?: string;
  timeNs: number;
}

function constraintString(name: string, value: RegoValue): string {
  if (typeof value !== 'string') throw new BuiltinError(`${name} constraint: must be a string`);
  return value;
}

function parseConstraints(object: RegoObject, context: BuiltinContext): Constraints {
  const out: Constraints = { timeNs: Number(context.nowNs) };
  for (const [name, value] of object) {
    switch (name) {
      case 'cert':
        if (typeof value !== 'string') throw new BuiltinError('cert constraint: must be a string');
        out.keys = verificationKeys(value);
        break;
      case 'secret':
        out.secret = constraintString('secret', value);
        break;
      case 'alg':
      case 'iss':
      case 'aud':
        out[name] = constraintString(name, value);
        break;
      case 'time':
        if (!isNumber(value)) throw new BuiltinError('token time constraint: must be a number');
        if (Number(value) < 0) throw new BuiltinError('token time constraint: must not be negative');
        out.timeNs = Number(value);
        break;
      default:
        throw new BuiltinError(`unknown token validation constraint: ${typeof name === 'string' ? name : JSON.stringify(toJS(name))}`);
    }
  }
  const keyCount = (out.keys ? 1 : 0) + (out.secret ? 1 : 0);
  if (keyCount > 1) throw new BuiltinError('duplicate key constraints');
  if (keyCount < 1) throw new BuiltinError('no key constraint');
  return out;
}

/** Signature check with the constraint keys: a key matching the header's `kid` decides alone; JWKs that name an
 * `alg` only verify that algorithm. */
function verifyWithConstraints(constraints: Constraints, token: Token): boolean {
  const alg = token.header.get('alg');
  if (!isAlgorithm(alg)) return false;
  const input = signingInput(token);
  if (constraints.keys) {
    const kid = token.header.get('kid');
    const byKid = typeof kid === 'string' && kid !== '' ? constraints.keys.find((k) => k.kid === kid) : undefined;
    if (byKid) return !alg.startsWith('HS') && verifySignature(alg, input, token.signature, byKid.key);
    return constraints.keys.some((k) => (k.alg === undefined || k.alg === alg) && !alg.startsWith('HS') && verifySignature(alg, input, token.signature, k.key));
  }
  return alg.startsWith('HS') && verifySignature(alg, input, token.signature, Buffer.from(constraints.secret!, 'utf8'));
}

function decodeVerify([t, c]: readonly RegoValue[], context: BuiltinContext): RegoValue {
  const constraints = parseConstraints(objectOperand(c, 2), context);
  const invalid: RegoValue = [false, new RegoObject(), new RegoObject()];
  let token = decodeToken(stringOperand(t, 1));
  for (let depth = 0; ; depth++) {
    if (!headerIsValid(token.header)) return invalid;
    if (constraints.alg !== undefined && constraints.alg !== token.header.get('alg')) return invalid;
    if (!verifyWithConstraints(constraints, token)) return invalid;
    if (token.nested === undefined) break;
    if (depth >= 32) return invalid;
    token = decodeToken(token.nested);
  }
  const payload = token.payload;
  if (constraints.iss !== undefined && payload.get('iss') !== constraints.iss) return invalid;
  const aud = payload.get('aud');
  if (aud !== undefined) {
    const audiences = Array.isArray(aud) ? (aud as readonly RegoValue[]) : [aud];
    if (!audiences.some((a) => typeof a === 'string' && a === (constraints.aud ?? ''))) return invalid;
    if (!Array.isArray(aud) && typeof aud !== 'string') return invalid;
  } else if (constraints.aud !== undefined) return invalid;
  const now = constraints.timeNs / 1e9;
  const exp = numericClaim(payload, 'exp');
  if (exp !== undefined && now >= exp) return invalid;
  const nbf = numericClaim(payload, 'nbf');
  if (nbf !== undefined && now < nbf) return invalid;
  return [true, token.header, payload];
}

function base64Url(b: Buffer | string): string {
  return Buffer.from(b).toString('base64url');
}

function signToken(headerText: string, payloadText: string, jwk: Record<string, unknown>, header: RegoObject): string {
  const alg = header.get('alg');
  if (alg === undefined) throw new BuiltinError(`missing or invalid 'alg' header: jwsbb: header "alg" not found`);
  if (!isAlgorithm(alg)) throw new BuiltinError(`unknown JWS algorithm: ${typeof alg === 'string' ? alg : JSON.stringify(toJS(alg))}`);
  const typ = header.get('typ');
  if (typeof typ === 'string' && typ.toUpperCase() === 'JWT') {
    try {
      if (!(parseJson(payloadText) instanceof RegoObject)) throw new Error('not an object');
    } catch {
      throw new BuiltinError('type is JWT but payload is not JSON');
    }
  }
  const input = `${base64Url(headerText)}.${base64Url(payloadText)}`;
  const key = signingKey(jwk);
  const hash = HASH[alg];
  let signature: Buffer;
  if (alg.startsWith('HS')) {
    if (!Buffer.isBuffer(key)) throw new BuiltinError(`key type does not match algorithm ${alg}`);
    signature = createHmac(hash!, key).update(input).digest();
  } else {
    if (Buffer.isBuffer(key)) throw new BuiltinError(`key type does not match algorithm ${alg}`);
    const data = Buffer.from(input, 'utf8');
    if (alg.startsWith('PS')) signature = cryptoSign(hash, data, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST });
    else if (alg.startsWith('ES')) signature = cryptoSign(hash, data, { key, dsaEncoding: 'ieee-p1363' });
    else signature = cryptoSign(hash, data, key);
  }
  return `${input}.${base64Url(signature)}`;
}

/**
 * The protected header of encode_sign_raw, with the errors of the JOSE library OPA uses: an empty header cannot be
 * parsed, a malformed object cannot be parsed, and anything that is not an object has no "alg".
 */
function headerObject(text: string): RegoObject {
  const trimmed = text.trim();
  if (trimmed === '') throw new BuiltinError("missing or invalid 'alg' header: cannot parse JSON: cannot parse empty string");
  if (!trimmed.startsWith('{')) return new RegoObject();
  let v: RegoValue;
  try {
    v = parseJson(text);
  } catch {
    throw new BuiltinError("missing or invalid 'alg' header: cannot parse JSON");
  }
  return v instanceof RegoObject ? v : new RegoObject();
}

function jwkRecord(v: RegoValue): Record<string, unknown> {
  return toJS(v) as Record<string, unknown>;
}

export const jwtBuiltins = [
  tokens('io.jwt.decode', ([t]) => {
    let token = decodeToken(stringOperand(t, 1));
    for (let depth = 0; token.nested !== undefined && depth < 32; depth++) token = decodeToken(token.nested);
    return [token.header, token.payload, token.signature.toString('hex')];
  }),
  tokens('io.jwt.verify_hs256', verifyWith('HS256')),
  tokens('io.jwt.verify_hs384', verifyWith('HS384')),
  tokens('io.jwt.verify_hs512', verifyWith('HS512')),
  tokens('io.jwt.verify_rs256', verifyWith('RS256')),
  tokens('io.jwt.verify_rs384', verifyWith('RS384')),
  tokens('io.jwt.verify_rs512', verifyWith('RS512')),
  tokens('io.jwt.verify_ps256', verifyWith('PS256')),
  tokens('io.jwt.verify_ps384', verifyWith('PS384')),
  tokens('io.jwt.verify_ps512', verifyWith('PS512')),
  tokens('io.jwt.verify_es256', verifyWith('ES256')),
  tokens('io.jwt.verify_es384', verifyWith('ES384')),
  tokens('io.jwt.verify_es512', verifyWith('ES512')),
  tokens('io.jwt.verify_eddsa', verifyWith('EdDSA')),
  tokens('io.jwt.decode_verify', decodeVerify),
  tokensign('io.jwt.encode_sign', ([h, p, k]) => {
    const header = objectOperand(h, 1);
    const payload = objectOperand(p, 2);
    const key = objectOperand(k, 3);
    return signToken(marshalJson(header), marshalJson(payload), jwkRecord(key), header);
  }),
  tokensign('io.jwt.encode_sign_raw', ([h, p, k]) => {
    const headerText = stringOperand(h, 1);
    const payloadText = stringOperand(p, 2);
    const keyText = stringOperand(k, 3);
    const header = headerObject(headerText);
    let jwk: RegoValue;
    try {
      jwk = parseJson(keyText);
    } catch {
      throw new BuiltinError('failed to parse a JWK key (set)');
    }
    if (!(jwk instanceof RegoObject)) throw new BuiltinError('failed to parse a JWK key (set)');
    return signToken(headerText, payloadText, jwkRecord(jwk), header);
  }),
];

