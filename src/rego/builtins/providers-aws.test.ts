import { describe, expect, it } from 'vitest';
import { callBuiltin } from './call-builtin.test-helper.ts';
import { fromJS, RegoObject, type RegoValue } from '../value.ts';

const js = (v: unknown): RegoValue => fromJS(v);
const config = { aws_access_key: 'MYAWSACCESSKEYGOESHERE', aws_secret_access_key: 'MYAWSSECRETACCESSKEYGOESHERE', aws_service: 's3', aws_region: 'us-east-1' };
const NOW = 1451311705000000000n;

// Expected signatures from OPA's conformance cases (../shared/data/opa-conformance/v1/providers-aws).
describe('providers.aws.sign_req', () => {
  it.each([
    [{ method: 'get', url: 'http://example.com' }, config, 'SignedHeaders=host;x-amz-content-sha256;x-amz-date,Signature=0047a7016c81e5c7f29cd522f97e911e04fc472fced0aee7916cbc287ad6c8e3'],
    [{ method: 'get', url: 'http://example.com', headers: { foo: 'bar' } }, config, 'SignedHeaders=foo;host;x-amz-content-sha256;x-amz-date,Signature=8f1dc7c9b9978356a0d0989fd26a95307f4f8a4aa264d8220647b7097d839952'],
    [{ method: 'get', url: 'http://example.com', raw_body: '{"example": {1, 2, 3, 4}}' }, config, 'Signature=5bf26e169cb8b02330dba39d53932532438fc856c2f10537689a09ed807c7195'],
    [{ method: 'get', url: 'http://example.com' }, { ...config, aws_session_token: 'MYAWSSECURITYTOKENGOESHERE' }, 'SignedHeaders=host;x-amz-content-sha256;x-amz-date;x-amz-security-token,Signature=23c31bda8a74630c0a94f6b82a3511e7e74728df98e6f54ed0840488dbbdc8d1'],
  ])('signs %j', (request, awsConfig, authorizationSuffix) => {
    const signed = callBuiltin('providers.aws.sign_req', [js(request), js(awsConfig), NOW]) as RegoObject;
    const headers = signed.get('headers') as RegoObject;
    expect(headers.get('Authorization')).toBe(`AWS4-HMAC-SHA256 Credential=MYAWSACCESSKEYGOESHERE/20151228/us-east-1/s3/aws4_request,${authorizationSuffix}`.replace(',Signature=5bf', ',SignedHeaders=host;x-amz-content-sha256;x-amz-date,Signature=5bf'));
    expect(headers.get('x-amz-date')).toBe('20151228T140825Z');
    expect(headers.get('host')).toBe('example.com');
  });

  it.each([
    [{}, config, 'operand 1 missing required request parameters(s): {"method", "url"}'],
    [{ method: 'get', url: 'http://example.com', bad_key: 1 }, config, 'invalid request parameters(s): {"bad_key"}'],
    [{ method: 'get', url: 'http://example.com' }, { example: 'example' }, 'operand 2 missing required AWS config parameters(s): {"aws_access_key", "aws_region", "aws_secret_access_key", "aws_service"}'],
    [{ method: 'get', url: 'http://example.com' }, { ...config, disable_payload_signing: 'false' }, "operand 2 invalid value for 'disable_payload_signing' in AWS config"],
  ])('rejects %j', (request, awsConfig, message) => {
    expect(() => callBuiltin('providers.aws.sign_req', [js(request), js(awsConfig), NOW])).toThrow(message);
  });
});
