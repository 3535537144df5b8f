/**
 * OPA category `crypto.x509` and crypto.parse_private_keys: certificates, certificate requests, key pairs and RSA
 * private keys, rendered in the JSON shape of Go's x509 structs (the fields policies use: Subject/Issuer names,
 * SANs, validity, serial number, CA flag, raw DER) with node:crypto doing the cryptography.
 */
import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import { children, oid, readDer, splitDer, stringValue, type Der } from './asn1.ts';
import { BuiltinError } from './define-builtin.ts';
import { defineCategory } from './builtin.ts';
import { goBase64Decode } from './go-base64.ts';
import { objectOperand, stringOperand } from './operands.ts';
import { fromJS, normalizeNumber, RegoObject, type RegoValue } from '../value.ts';

const x509 = defineCategory('crypto.x509');
const crypto = defineCategory('crypto');

const NAME_FIELDS: Record<string, string> = {
  '2.5.4.6': 'Country',
  '2.5.4.10': 'Organization',
  '2.5.4.11': 'OrganizationalUnit',
  '2.5.4.7': 'Locality',
  '2.5.4.8': 'Province',
  '2.5.4.9': 'StreetAddress',
  '2.5.4.17': 'PostalCode',
};

/** pkix.Name as Go marshals it. */
function nameObject(name: Der): RegoObject {
  const lists: Record<string, string[]> = {};
  const names: RegoValue[] = [];
  let commonName = '';
  let serialNumber = '';
  for (const rdn of children(name)) {
    for (const attribute of children(rdn)) {
      const [type, value] = children(attribute);
      if (!type || !value) continue;
      const id = oid(type.content);
      const key = id.join('.');
      const text = stringValue(value);
      names.push(RegoObject.fromRecord({ Type: id, Value: text }));
      if (key === '2.5.4.3') commonName = text;
      else if (key === '2.5.4.5') serialNumber = text;
      else if (NAME_FIELDS[key]) (lists[NAME_FIELDS[key]] ??= []).push(text);
    }
  }
  const out = new RegoObject();
  for (const field of Object.values(NAME_FIELDS)) out.set(field, lists[field] ?? null);
  out.set('SerialNumber', serialNumber);
  out.set('CommonName', commonName);
  out.set('Names', names);
  out.set('ExtraNames', null);
  return out;
}

function pemBlocks(text: string, label: RegExp): Buffer[] {
  const out: Buffer[] = [];
  const re = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;
  let m: RegExpExecArray | null;
  let last = 0;
  while ((m = re.exec(text))) {
    if (label.test(m[1]!)) out.push(Buffer.from(m[2]!.replace(/\s+/g, ''), 'base64'));
    last = re.lastIndex;
  }
  if (out.length === 0) throw new BuiltinError('failed to find a PEM block');
  if (text.slice(last).trim() !== '' && !/-----BEGIN/.test(text.slice(last))) throw new BuiltinError('extra data after a PEM certificate block');
  return out;
}

/** PEM text, base64 of PEM, or base64 of (concatenated) DER -> DER buffers (OPA's getX509CertsFromString). */
function derBlocks(input: string, label: RegExp): Buffer[] {
  if (input.startsWith('-----BEGIN')) return pemBlocks(input, label);
  const bytes = goBase64Decode(input);
  if (bytes.subarray(0, 10).toString('latin1') === '-----BEGIN') return pemBlocks(bytes.toString('utf8'), label);
  return splitDer(bytes);
}

function rfc3339(date: Date): string {
  return date.toISOString().replace(/\.000Z$/, 'Z');
}

function certificateObject(der: Buffer): { cert: X509Certificate; value: RegoObject } {
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(der);
  } catch {
    throw new BuiltinError('x509: malformed certificate');
  }
  const [tbs] = children(readDer(der));
  const fields = children(tbs!);
  const versioned = fields[0]?.tag === 0xa0;
  const version = versioned ? Number(children(fields[0]!)[0]!.content.readUIntBE(0, children(fields[0]!)[0]!.content.length)) + 1 : 1;
  const at = (i: number): Der | undefined => fields[versioned ? i + 1 : i];
  const issuer = at(2)!;
  const subject = at(4)!;
  const dns: string[] = [];
  const emails: string[] = [];
  const ips: string[] = [];
  const uris: string[] = [];
  for (const entry of (cert.subjectAltName ?? '').split(/, (?=[A-Za-z ]+:)/)) {
    const i = entry.indexOf(':');
    if (i === -1) continue;
    const kind = entry.slice(0, i);
    const value = entry.slice(i + 1);
    if (kind === 'DNS') dns.push(value);
    else if (kind === 'email') emails.push(value);
    else if (kind === 'IP Address') ips.push(value);
    else if (kind === 'URI') uris.push(value);
  }
  const serial = BigInt(`0x${cert.serialNumber}`);
  const [, signatureAlgorithm] = children(readDer(der));
  const extensions = certificateExtensions(fields.find((f) => f.tag === 0xa3));
  const value = fromJS({
    Raw: der.toString('base64'),
    Version: version,
    SerialNumber: normalizeNumber(serial),
    Issuer: nameObject(issuer),
    Subject: nameObject(subject),
    NotBefore: rfc3339(new Date(cert.validFrom)),
    NotAfter: rfc3339(new Date(cert.validTo)),
    IsCA: cert.ca,
    BasicConstraintsValid: cert.ca,
    DNSNames: dns.length ? dns : null,
    EmailAddresses: emails.length ? emails : null,
    IPAddresses: ips.length ? ips : null,
    URIStrings: uris.length ? uris : null,
    PublicKeyAlgorithm: publicKeyAlgorithm(cert.publicKey),
    PublicKey: publicKeyObject(cert.publicKey),
    SignatureAlgorithm: signatureAlgorithmNumber(signatureAlgorithm),
    KeyUsage: keyUsage(extensions.get('2.5.29.15')),
    ExtKeyUsage: extKeyUsage(extensions.get('2.5.29.37')),
    SubjectKeyId: octets(extensions.get('2.5.29.14')),
    Extensions: [...extensions].map(([id, ext]) => ({ Id: id.split('.').map(Number), Critical: ext.critical, Value: ext.value.toString('base64') })),
  }) as RegoObject;
  return { cert, value };
}

interface Extension {
  readonly critical: boolean;
  readonly value: Buffer;
}

/** The extensions of a TBSCertificate ([3] EXPLICIT SEQUENCE of {id, critical?, OCTET STRING}). */
function certificateExtensions(element: Der | undefined): Map<string, Extension> {
  const out = new Map<string, Extension>();
  if (!element || element.tag !== 0xa3) return out;
  const [list] = children(element);
  for (const ext of list ? children(list) : []) {
    const parts = children(ext);
    const id = parts[0] ? oid(parts[0].content).join('.') : '';
    const critical = parts[1]?.tag === 0x01 && parts[1].content[0] !== 0;
    const value = parts[parts.length - 1]!.content;
    out.set(id, { critical, value });
  }
  return out;
}

/** Go's x509.KeyUsage bit mask (bit i of the BIT STRING -> 1 << i). */
function keyUsage(ext: Extension | undefined): number {
  if (!ext) return 0;
  const bits = readDer(ext.value).content;
  let usage = 0;
  for (let i = 0; i < 9; i++) {
    const byte = bits[1 + (i >> 3)];
    if (byte !== undefined && byte & (0x80 >> (i & 7))) usage |= 1 << i;
  }
  return usage;
}

const EXT_KEY_USAGES: Record<string, number> = {
  '2.5.29.37.0': 0,
  '1.3.6.1.5.5.7.3.1': 1,
  '1.3.6.1.5.5.7.3.2': 2,
  '1.3.6.1.5.5.7.3.3': 3,
  '1.3.6.1.5.5.7.3.4': 4,
  '1.3.6.1.5.5.7.3.5': 5,
  '1.3.6.1.5.5.7.3.6': 6,
  '1.3.6.1.5.5.7.3.7': 7,
  '1.3.6.1.5.5.7.3.8': 8,
  '1.3.6.1.5.5.7.3.9': 9,
};

/** Go's []x509.ExtKeyUsage (null when absent). */
function extKeyUsage(ext: Extension | undefined): number[] | null {
  if (!ext) return null;
  const usages = children(readDer(ext.value))
    .map((e) => EXT_KEY_USAGES[oid(e.content).join('.')])
    .filter((u): u is number => u !== undefined);
  return usages.length ? usages : null;
}

function octets(ext: Extension | undefined): string | null {
  return ext ? readDer(ext.value).content.toString('base64') : null;
}

/** Go's x509.SignatureAlgorithm numbering, from the certificate's AlgorithmIdentifier. */
const SIGNATURE_ALGORITHMS: Record<string, number> = {
  '1.2.840.113549.1.1.2': 1,
  '1.2.840.113549.1.1.4': 2,
  '1.2.840.113549.1.1.5': 3,
  '1.2.840.113549.1.1.11': 4,
  '1.2.840.113549.1.1.12': 5,
  '1.2.840.113549.1.1.13': 6,
  '1.2.840.10040.4.3': 7,
  '2.16.840.1.101.3.4.3.2': 8,
  '1.2.840.10045.4.1': 9,
  '1.2.840.10045.4.3.2': 10,
  '1.2.840.10045.4.3.3': 11,
  '1.2.840.10045.4.3.4': 12,
  '1.2.840.113549.1.1.10': 13,
  '1.3.101.112': 16,
};

function signatureAlgorithmNumber(algorithm: Der | undefined): number {
  const [id, params] = algorithm ? children(algorithm) : [];
  const name = id ? oid(id.content).join('.') : '';
  if (name !== '1.2.840.113549.1.1.10' || !params) return SIGNATURE_ALGORITHMS[name] ?? 0;
  // RSASSA-PSS: the hash in the parameters picks SHA256/384/512WithRSAPSS.
  const text = params.raw.toString('hex');
  if (text.includes('608648016503040202')) return 14;
  if (text.includes('608648016503040203')) return 15;
  return 13;
}

/** The public key as Go marshals it: RSA {N, E}, ECDSA {X, Y} (curve omitted), Ed25519 as base64 bytes. */
function publicKeyObject(key: KeyObject): unknown {
  const jwk = key.export({ format: 'jwk' });
  const big = (b64: string | undefined): RegoValue => normalizeNumber(BigInt(`0x${Buffer.from(b64 ?? '', 'base64url').toString('hex') || '0'}`));
  if (jwk.kty === 'RSA') return { N: big(jwk.n), E: big(jwk.e) };
  if (jwk.kty === 'EC') return { X: big(jwk.x), Y: big(jwk.y) };
  if (jwk.kty === 'OKP') return Buffer.from(jwk.x ?? '', 'base64url').toString('base64');
  return null;
}

/** Go's x509.PublicKeyAlgorithm numbering. */
function publicKeyAlgorithm(key: KeyObject): number {
  switch (key.asymmetricKeyType) {
    case 'rsa':
    case 'rsa-pss':
      return 1;
    case 'dsa':
      return 2;
    case 'ec':
      return 3;
    case 'ed25519':
      return 4;
    default:
      return 0;
  }
}

function parseCertificates(input: string): Array<{ cert: X509Certificate; value: RegoObject }> {
  let blocks: Buffer[];
  try {
    blocks = derBlocks(input, /^CERTIFICATE$/);
  } catch (error) {
    if (error instanceof BuiltinError && error.message.startsWith('asn1:')) throw new BuiltinError('x509: malformed certificate');
    throw error;
  }
  return blocks.map(certificateObject);
}

interface VerifyOptions {
  /** Verification time in ms since the epoch (default: now). */
  readonly nowMs?: number;
  /** Host name the leaf certificate must be valid for. */
  readonly dnsName?: string;
}

/** OPA's order: the first certificate is the (self-signed) root, each next one is issued by the previous. */
function verifyChain(certs: X509Certificate[], options: VerifyOptions = {}): boolean {
  if (certs.length === 0) return false;
  if (options.dnsName !== undefined && certs[certs.length - 1]!.checkHost(options.dnsName) === undefined) return false;
  for (let i = 0; i < certs.length; i++) {
    const cert = certs[i]!;
    const issuer = certs[i - 1] ?? cert;
    const now = options.nowMs ?? Date.now();
    if (Date.parse(cert.validFrom) > now || Date.parse(cert.validTo) < now) return false;
    if (!cert.checkIssued(issuer) || !cert.verify(issuer.publicKey)) return false;
  }
  return true;
}

function privateKeyJwk(der: Buffer, type: 'pkcs1' | 'pkcs8' | 'sec1'): RegoValue {
  const key = createPrivateKey({ key: der, format: 'der', type });
  return fromJS(key.export({ format: 'jwk' }));
}

function privateKeysFrom(text: string): RegoValue[] {
  const out: RegoValue[] = [];
  const re = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const der = Buffer.from(m[2]!.replace(/\s+/g, ''), 'base64');
    const type = m[1] === 'RSA PRIVATE KEY' ? 'pkcs1' : m[1] === 'EC PRIVATE KEY' ? 'sec1' : m[1] === 'PRIVATE KEY' ? 'pkcs8' : undefined;
    if (type) out.push(privateKeyJwk(der, type));
  }
  return out;
}

export const x509Builtins = [
  x509('crypto.x509.parse_certificates', ([c]) => parseCertificates(stringOperand(c, 1)).map((x) => x.value)),
  x509('crypto.x509.parse_and_verify_certificates', ([c]) => {
    const parsed = parseCertificates(stringOperand(c, 1));
    if (!verifyChain(parsed.map((x) => x.cert))) return [false, []];
    return [true, parsed.map((x) => x.value).reverse()];
  }),
  x509('crypto.x509.parse_and_verify_certificates_with_options', ([c, o]) => {
    const options = objectOperand(o, 2);
    const verify: { nowMs?: number; dnsName?: string } = {};
    for (const [k, v] of options) {
      if (k === 'DNSName' && typeof v === 'string') verify.dnsName = v;
      else if (k === 'CurrentTime' && (typeof v === 'number' || typeof v === 'bigint')) verify.nowMs = Number(BigInt(v) / 1_000_000n);
      else if (k !== 'MaxConstraintComparisons' && k !== 'KeyUsages') throw new BuiltinError(`invalid key ${JSON.stringify(k)} in options`);
    }
    const parsed = parseCertificates(stringOperand(c, 1));
    if (!verifyChain(parsed.map((x) => x.cert), verify)) return [false, []];
    return [true, parsed.map((x) => x.value).reverse()];
  }),
  x509('crypto.x509.parse_certificate_request', ([c]) => {
    const [der] = derBlocks(stringOperand(c, 1), /CERTIFICATE REQUEST$/);
    const request = readDer(der!);
    if (request.tag !== 0x30) throw new BuiltinError("asn1: structure error: tags don't match");
    const [info] = children(request);
    const fields = info ? children(info) : [];
    if (fields.length < 3) throw new BuiltinError('asn1: structure error: malformed certificate request');
    return fromJS({
      Raw: der!.toString('base64'),
      Version: Number(fields[0]!.content[0] ?? 0),
      Subject: nameObject(fields[1]!),
    });
  }),
  x509('crypto.x509.parse_keypair', ([c, k]) => {
    const certs = derBlocks(stringOperand(c, 1), /^CERTIFICATE$/);
    const keyText = stringOperand(k, 2);
    const keyPem = keyText.startsWith('-----BEGIN') ? keyText : goBase64Decode(keyText).toString('utf8');
    const keys = privateKeysFrom(keyPem);
    if (keys.length === 0) throw new BuiltinError('tls: failed to find any PEM data in key input');
    const leaf = certificateObject(certs[0]!);
    const publicJwk = fromJS(leaf.cert.publicKey.export({ format: 'jwk' })) as RegoObject;
    const privateJwk = keys[0] as RegoObject;
    if (publicJwk.get('n') !== privateJwk.get('n') || publicJwk.get('x') !== privateJwk.get('x')) {
      throw new BuiltinError('tls: private key does not match public key');
    }
    return fromJS({ Certificate: certs.map((d) => d.toString('base64')), PrivateKey: privateJwk, Leaf: null });
  }),
  x509('crypto.x509.parse_rsa_private_key', ([p]) => {
    const text = stringOperand(p, 1);
    const pem = text.startsWith('-----BEGIN') ? text : goBase64Decode(text).toString('utf8');
    const [der] = pemBlocks(pem, /^RSA PRIVATE KEY$/);
    return privateKeyJwk(der!, 'pkcs1');
  }),
  crypto('crypto.parse_private_keys', ([p]) => {
    const text = stringOperand(p, 1);
    if (text === '') return null;
    const pem = text.startsWith('-----BEGIN') ? text : (() => {
      try {
        return goBase64Decode(text).toString('utf8');
      } catch {
        return '';
      }
    })();
    return privateKeysFrom(pem);
  }),
];
