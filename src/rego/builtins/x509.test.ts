import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { callBuiltin } from './call-builtin.test-helper.ts';
import { fromJS, RegoObject, type RegoValue } from '../value.ts';

// Our own ECDSA P-256 chain, made by __fixtures__/x509/gen.sh (openssl; valid for 100 years from 2026-12-04).
const folder = join(import.meta.dirname, '__fixtures__', 'x509');
const pems = ['root.pem', 'intermediate.pem', 'leaf.pem'].map((name) => readFileSync(join(folder, name), 'utf8').trim());
const chain = pems.join('\n'); // root, intermediate, leaf

const commonNames = (certs: RegoValue): RegoValue[] =>
  (certs as RegoValue[]).map((c) => ((c as RegoObject).get('Subject') as RegoObject).get('CommonName')!);

describe('crypto.x509', () => {
  it('parses PEM bundles and base64 DER into Go-shaped certificates', () => {
    const certs = callBuiltin('crypto.x509.parse_certificates', [chain]) as RegoValue[];
    expect(commonNames(certs)).toEqual(['iacpac Test Root CA', 'iacpac Test Intermediate CA', 'leaf.iacpac.test']);
    const leaf = certs[2] as RegoObject;
    expect(leaf.get('DNSNames')).toEqual(['leaf.iacpac.test']);
    expect(leaf.get('URIStrings')).toBe(null);
    expect(leaf.get('NotBefore')).toBe('2026-12-04T21:00:06Z');
    // As `openssl x509 -text` shows for this certificate: ecdsa-with-SHA256, Digital Signature, server+client auth.
    expect(leaf.get('SignatureAlgorithm')).toBe(10);
    expect(leaf.get('KeyUsage')).toBe(1);
    expect(leaf.get('ExtKeyUsage')).toEqual([1, 2]);
    expect(leaf.get('PublicKeyAlgorithm')).toBe(3);
    expect(((certs[0] as RegoObject).get('Subject') as RegoObject).get('Organization')).toEqual(['iacpac tests']);
    const der = Buffer.from(pems[0]!.replace(/-----[A-Z ]+-----|\s/g, ''), 'base64').toString('base64');
    expect(commonNames(callBuiltin('crypto.x509.parse_certificates', [der])!)).toEqual(['iacpac Test Root CA']);
  });

  it('verifies a chain given root first and returns it leaf first', () => {
    const [valid, certs] = callBuiltin('crypto.x509.parse_and_verify_certificates', [chain]) as RegoValue[];
    expect(valid).toBe(true);
    expect(commonNames(certs!)).toEqual(['leaf.iacpac.test', 'iacpac Test Intermediate CA', 'iacpac Test Root CA']);
    const reversed = [...pems].reverse().join('\n');
    expect(callBuiltin('crypto.x509.parse_and_verify_certificates', [reversed])).toEqual([false, []]);
  });

  it('applies DNSName and CurrentTime options', () => {
    const verify = (options: Record<string, unknown>): RegoValue =>
      (callBuiltin('crypto.x509.parse_and_verify_certificates_with_options', [chain, fromJS(options)]) as RegoValue[])[0]!;
    expect(verify({ DNSName: 'leaf.iacpac.test' })).toBe(true);
    expect(verify({ DNSName: 'example.com' })).toBe(false);
    expect(verify({ CurrentTime: 1_600_000_000_000_000_000n })).toBe(false); // 2020, before NotBefore
  });

  it.each([
    ['YmFkc3RyaW5n', 'x509: malformed certificate'],
    ['foobar', 'illegal base64'],
  ])('rejects %s', (input, message) => {
    expect(() => callBuiltin('crypto.x509.parse_certificates', [input])).toThrow(message);
  });
});
