import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { callBuiltin } from './call-builtin.test-helper.ts';
import { fromJS, RegoObject, type RegoValue } from '../value.ts';

// Certificates from OPA's conformance suite (read-only test fixtures).
const folder = join(import.meta.dirname, '../../../../shared/data/opa-conformance/v1/cryptox509parseandverifycertificates');
const yaml = readFileSync(join(folder, readdirSync(folder)[0]!), 'utf8');
const pems = [...yaml.matchAll(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g)].map((m) => m[0].replace(/^\s+/gm, ''));
const chain = pems.slice(0, 3).join('\n'); // root, intermediate, leaf

const commonNames = (certs: RegoValue): RegoValue[] =>
  (certs as RegoValue[]).map((c) => ((c as RegoObject).get('Subject') as RegoObject).get('CommonName')!);

describe('crypto.x509', () => {
  it('parses PEM bundles and base64 DER into Go-shaped certificates', () => {
    const certs = callBuiltin('crypto.x509.parse_certificates', [chain]) as RegoValue[];
    expect(commonNames(certs)).toEqual(['OPA Test Root CA', 'OPA Test Intermediate CA', 'notarealsite.opa.localhost']);
    const leaf = certs[2] as RegoObject;
    expect(leaf.get('DNSNames')).toEqual(['notarealsite.opa.localhost']);
    expect(leaf.get('URIStrings')).toBe(null);
    expect(leaf.get('NotBefore')).toBe('2021-07-05T17:49:50Z');
    // As `openssl x509 -text` shows for this certificate: ecdsa-with-SHA256, Digital Signature, server+client auth.
    expect(leaf.get('SignatureAlgorithm')).toBe(10);
    expect(leaf.get('KeyUsage')).toBe(1);
    expect(leaf.get('ExtKeyUsage')).toEqual([1, 2]);
    expect(leaf.get('PublicKeyAlgorithm')).toBe(3);
    expect(((certs[0] as RegoObject).get('Subject') as RegoObject).get('Organization')).toEqual(['OPA Test']);
    const der = Buffer.from(pems[0]!.replace(/-----[A-Z ]+-----|\s/g, ''), 'base64').toString('base64');
    expect(commonNames(callBuiltin('crypto.x509.parse_certificates', [der])!)).toEqual(['OPA Test Root CA']);
  });

  it('verifies a chain given root first and returns it leaf first', () => {
    const [valid, certs] = callBuiltin('crypto.x509.parse_and_verify_certificates', [chain]) as RegoValue[];
    expect(valid).toBe(true);
    expect(commonNames(certs!)).toEqual(['notarealsite.opa.localhost', 'OPA Test Intermediate CA', 'OPA Test Root CA']);
    const reversed = pems.slice(0, 3).reverse().join('\n');
    expect(callBuiltin('crypto.x509.parse_and_verify_certificates', [reversed])).toEqual([false, []]);
  });

  it('applies DNSName and CurrentTime options', () => {
    const verify = (options: Record<string, unknown>): RegoValue =>
      (callBuiltin('crypto.x509.parse_and_verify_certificates_with_options', [chain, fromJS(options)]) as RegoValue[])[0]!;
    expect(verify({ DNSName: 'notarealsite.opa.localhost' })).toBe(true);
    expect(verify({ DNSName: 'example.com' })).toBe(false);
    expect(verify({ CurrentTime: 1_600_000_000_000_000_000n })).toBe(false); // before NotBefore
  });

  it.each([
    ['YmFkc3RyaW5n', 'x509: malformed certificate'],
    ['foobar', 'illegal base64'],
  ])('rejects %s', (input, message) => {
    expect(() => callBuiltin('crypto.x509.parse_certificates', [input])).toThrow(message);
  });
});
