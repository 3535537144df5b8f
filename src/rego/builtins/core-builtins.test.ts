import { describe, expect, it } from 'vitest';
import { callBuiltin } from './call-builtin.test-helper.ts';
import { BuiltinError } from './define-builtin.ts';
import { RegoObject, RegoSet, toJSONText, type RegoValue } from '../value.ts';

const obj = (record: Record<string, RegoValue>): RegoObject => RegoObject.fromRecord(record);
const set = (...items: RegoValue[]): RegoSet => new RegoSet(items);

// Expectations from OPA's conformance cases (../shared/data/opa-conformance/v1/<folder>) and OPA's docs.
const results: Array<[string, RegoValue[], RegoValue | undefined]> = [
  ['count', ['åäö'], 3],
  ['sum', [[1, 2, 3.5]], 6.5],
  ['product', [set(2, 3, 4)], 24],
  ['max', [[]], undefined],
  ['min', [[3, 'a', 1]], 1],
  ['sort', [set(3, 1, 2)], [1, 2, 3]],
  ['plus', [9007199254740991, 2], 9007199254740993n],
  ['mul', [4294967296, 4294967296], 18446744073709551616n],
  ['div', [7, 2], 3.5],
  ['rem', [-7, 3], -1],
  ['round', [-1.5], -2],
  ['ceil', [-1.99999], -1],
  ['floor', [-1.001], -2],
  ['round', [1e300], 10n ** 300n],
  ['minus', [set(1, 2, 3), set(2)], set(1, 3)],
  ['numbers.range', [3, 1], [3, 2, 1]],
  ['numbers.range_step', [0, 10, 4], [0, 4, 8]],
  ['bits.lsh', [9223372036854775807n, 1], 18446744073709551614n],
  ['bits.negate', [0], -1],
  ['array.slice', [[1, 2, 3, 4, 5], -4, -1], []],
  ['array.slice', [[1, 2, 3, 4, 5], 1, 3], [2, 3]],
  ['array.flatten', [[[1, [2]], 3]], [1, [2], 3]],
  ['intersection', [set(set(1, 2), set(2, 3))], set(2)],
  ['object.get', [obj({ a: obj({ b: 1 }) }), ['a', 'b'], 'x'], 1],
  ['object.get', [obj({ a: 1 }), ['a', 'c'], 'x'], 'x'],
  ['object.union_n', [[obj({ a: obj({ b: 2 }) }), obj({ a: 4 }), obj({ a: obj({ c: 3 }) })]], obj({ a: obj({ c: 3 }) })],
  ['object.subset', [[1, 2, 3, 4], [2, 3]], true],
  ['object.subset', [[1, 2, 3, 4], [2, 4]], false],
  ['json.filter', [obj({ a: obj({ b: 1, c: 2 }), d: 3 }), ['a/b', 'd']], obj({ a: obj({ b: 1 }), d: 3 })],
  ['json.remove', [obj({ a: [1, 2, 3] }), ['a/1']], obj({ a: [1, 3] })],
  ['json.patch', [obj({ foo: ['all', 'grass', 'cows', 'eat'] }), [obj({ op: 'move', from: '/foo/1', path: '/foo/3' })]], obj({ foo: ['all', 'cows', 'eat', 'grass'] })],
  ['json.patch', [[1, 2, 3], [obj({ op: 'add', path: '1.2', value: 'foo' })]], undefined],
  ['format_int', [-255.9, 16], '-ff'],
  ['indexof_n', ['sad sad', 'sad'], [0, 4]],
  ['substring', ['åäöå', 1, 2], 'äö'],
  ['strings.replace_n', [obj({ a: '1', ab: '2' }), 'abab'], '1b1b'],
  ['trim_space', ['\u00a0 x \t'], 'x'],
  ['upper', ['straße'], 'STRAßE'],
  ['lower', ['İSTANBUL'], 'istanbul'],
  ['split', ['a.b', ''], ['a', '.', 'b']],
  ['strings.count', ['cheese', 'e'], 3],
  ['sprintf', ['hi %v', [['there', 5, 3.14]]], 'hi ["there", 5, 3.14]'],
  ['sprintf', ['%s', [1208925819614629174706175n]], '1208925819614629174706175'],
  ['sprintf', ['%d %s', ['x']], '%!d(string=x) %!s(MISSING)'],
  ['sprintf', ['%v %v %d', [1e21, 12345678901234567890n, 7]], '1e+21 12345678901234567890 7'],
  ['internal.template_string', [['a=', set(1), ' b=', set(), ' c=', set(obj({ a: 'b' }))]], 'a=1 b=<undefined> c={"a": "b"}'],
  ['to_number', ['18446744073709551616'], 18446744073709551616n],
  ['to_number', ['0x1p-2'], 0.25],
  ['to_number', ['-.5e1'], -5],
  ['type_name', [set()], 'set'],
  ['base64url.decode', ['aGVsbG8'], 'hello'],
  ['hex.encode', ['hi'], '6869'],
  ['urlquery.encode_object', [obj({ b: ['1 2', 'x&y'], a: 'é' })], 'a=%C3%A9&b=1+2&b=x%26y'],
  ['json.marshal', [obj({ b: set(2, 1), a: '<&>' })], '{"a":"\\u003c\\u0026\\u003e","b":[1,2]}'],
  ['json.marshal', ['\b\f\u0001\u2028'], '"\\b\\f\\u0001\\u2028"'],
  ['json.unmarshal', ['{"n": 12345678901234567890}'], obj({ n: 12345678901234567890n })],
  ['yaml.unmarshal', ['a: [1, 2]\nb: yes'], obj({ a: [1, 2], b: true })],
  ['yaml.marshal', [obj({ a: 'true', d: ['x'], g: 'multi\nline', j: 'yes', l: 1.5 })], 'a: "true"\nd:\n- x\ng: |-\n  multi\n  line\nj: "yes"\nl: 1.5\n'],
  ['urlquery.decode_object', ['a=1&b=x+y&a=2'], obj({ a: ['1', '2'], b: ['x y'] })],
  ['yaml.unmarshal', ['a: 1\n---\nb: 2'], obj({ a: 1 })],
  ['yaml.unmarshal', ['x: !!binary aGVsbG8=\n1: one'], obj({ x: 'hello', '1': 'one' })],
  ['units.parse', ['1.5Ki'], 1536],
  ['units.parse', ['500m'], 0.5],
  ['units.parse_bytes', ['1.5kb'], 1500],
  ['semver.compare', ['1.0.0-alpha.1', '1.0.0-alpha.beta'], -1],
  ['semver.compare', ['v1.2.3+build', '1.2.3'], 0],
  ['semver.compare', ['1.0.0-rc.10', '1.0.0-rc.9'], 1],
  ['semver.is_valid', ['1.0'], false],
  ['semver.is_valid', ['1.0.0-al_pha'], false],
  ['net.cidr_merge', [['192.0.2.112/31', '192.0.2.116/31', '192.0.2.118/31']], set('192.0.2.112/31', '192.0.2.116/30')],
  ['net.cidr_merge', [['192.0.128.0', '192.0.129.0']], set('192.0.128.0/23')],
  ['net.cidr_contains', ['2001:db8::/32', '2001:db8:1::1'], true],
  ['net.cidr_merge', [['192.0.2.5']], set('192.0.2.5/24')],
  ['net.cidr_overlap', ['10.0.0.0/8', '10.1.0.0/16'], true],
  ['net.cidr_contains_matches', [['10.0.0.0/8', ['192.168.0.0/16', 'tag']], set('10.1.2.3', '192.168.1.1')], set([0, '10.1.2.3'], [1, '192.168.1.1'])],
  ['net.cidr_expand', ['10.0.0.0/31'], set('10.0.0.0', '10.0.0.1')],
  ['glob.match', ['*.github.com', ['.'], 'api.github.com'], true],
  ['glob.match', ['*', [], 'foo.bar'], false],
  ['glob.match', ['{cat,bat,[fr]at}', [], 'rat'], true],
  ['regex.find_all_string_submatch_n', ['a(x*)b', '-ab-axxb-', -1], [['ab', ''], ['axxb', 'xx']]],
  ['regex.split', ['a*', 'baaac'], ['b', 'c']],
  ['regex.replace', ['-ab-axxb-', 'a(x*)b', '${1}W'], '-W-xxW-'],
  ['regex.template_match', ['urn:foo:{.*}', 'urn:foo:bar:baz', '{', '}'], true],
  ['regex.globs_match', ['a.a.[0-9]+z', '.b.b2359825792*594823z'], true],
  ['regex.globs_match', ['[a-z]+', '[0-9]*'], false],
  ['graph.reachable', [obj({ a: ['b'], b: set('c'), c: [] }), ['a']], set('a', 'b', 'c')],
  ['crypto.sha256', ['hello'], '2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824'],
  ['crypto.hmac.sha256', ['hello', 'key'], '9307b3b915efb5171ff14d8cb55fbcc798c6c0ef1456d66ded1a6aa723a58b7b'],
  ['uuid.parse', ['000003e8-48b9-21ee-b200-325096b39f47'], obj({ clocksequence: 12800, domain: 'Person', id: 1000, macvariables: 'local:unicast', nodeid: '32-50-96-b3-9f-47', time: 1693566990121469600n, variant: 'RFC4122', version: 2 })],
];

describe('builtin results', () => {
  it.each(results.map(([name, args, want], i) => ({ name, args, want, i })))('$name #$i', ({ name, args, want }) => {
    const got = callBuiltin(name, args);
    expect(got === undefined ? 'undefined' : toJSONText(got)).toBe(want === undefined ? 'undefined' : toJSONText(want));
  });
});

const errors: Array<[string, RegoValue[], string, BuiltinError['code']]> = [
  ['count', [5], 'count: operand 1 must be one of {array, object, set, string} but got number', 'eval_type_error'],
  ['sum', [[1, 'a']], 'sum: operand 1 must be array of numbers but got array containing string', 'eval_type_error'],
  ['all', [1], 'all: operand 1 must be one of {array, set} but got number', 'eval_type_error'],
  ['concat', [',', 1], 'concat: operand 2 must be one of {set, array} but got number', 'eval_type_error'],
  ['indexof', ['abc', ''], 'indexof: empty search character', 'eval_builtin_error'],
  ['substring', ['abc', 1.5, 1], 'substring: operand 2 must be integer number but got floating-point number', 'eval_type_error'],
  ['div', [1, 0], 'div: divide by zero', 'eval_builtin_error'],
  ['rem', [1.1, 1], 'rem: modulo on floating-point number', 'eval_builtin_error'],
  ['bits.rsh', [1, -1], 'bits.rsh: operand 2 must be an unsigned integer number but got a negative integer', 'eval_type_error'],
  ['numbers.range', [1.5, 2], 'numbers.range: operand 1 must be integer number but got floating-point number', 'eval_type_error'],
  ['object.remove', [obj({}), 'a'], 'object.remove: operand 2 must be one of {object, set, array} but got string', 'eval_type_error'],
  ['json.remove', [obj({}), [1]], 'json.remove: operand 2 must be one of {set, array} containing string paths or array of path segments but got number', 'eval_type_error'],
  ['strings.any_prefix_match', [[1], 'a'], 'strings.any_prefix_match: operand 1 must be array of strings but got array containing number', 'eval_type_error'],
  ['strings.replace_n', [obj({ a: 1 }), 'x'], 'strings.replace_n: operand 1 non-string value found in pattern object', 'eval_type_error'],
  ['substring', ['aaa', -1, -1], 'substring: negative offset', 'eval_builtin_error'],
  ['to_number', ['broken'], 'to_number: strconv.ParseFloat: parsing "broken": invalid syntax', 'eval_builtin_error'],
  ['to_number', ['1_000'], 'to_number: strconv.ParseFloat: parsing "1_000": invalid syntax', 'eval_builtin_error'],
  ['base64.decode', ['YWJj$'], 'base64.decode: illegal base64 data at input byte 4', 'eval_builtin_error'],
  ['hex.decode', ['6g'], "hex.decode: encoding/hex: invalid byte: U+0067 'g'", 'eval_builtin_error'],
  ['units.parse', ['1 K'], 'units.parse: spaces not allowed in resource strings', 'eval_builtin_error'],
  ['semver.compare', ['1', '1.0.0'], 'semver.compare: operand 1: string "1" is not a valid SemVer', 'eval_builtin_error'],
  ['net.cidr_expand', ['192.168.1.1/33'], 'net.cidr_expand: invalid CIDR address: 192.168.1.1/33', 'eval_builtin_error'],
  ['net.cidr_merge', [['2601:600::1']], 'net.cidr_merge: IPv6 invalid: needs prefix length', 'eval_builtin_error'],
  ['net.cidr_contains', ['10.0.0.0/8', 'nope'], 'net.cidr_contains: not a valid textual representation of an IP address or CIDR: nope', 'eval_builtin_error'],
  ['regex.globs_match', ['pqrs]', '[a-b]+'], "regex.globs_match: input:pqrs], pos:5, set-close ']' with no preceding '[': the input provided is invalid", 'eval_builtin_error'],
  ['json.marshal_with_options', [1, obj({ include_winning_lottery_numbers: true })], 'object contained unknown key "include_winning_lottery_numbers"', 'eval_type_error'],
  ['io.jwt.decode', ['a.b'], 'io.jwt.decode: encoded JWT must have 3 sections, found 2', 'eval_builtin_error'],
];

// Hostile inputs end in a clear error instead of exhausting memory or the stack.
errors.push(
  ['numbers.range', [0, 1e12], 'numbers.range: range too large (more than 10000000 elements)', 'eval_builtin_error'],
  ['json.unmarshal', ['['.repeat(100_000)], 'json.unmarshal: exceeded max depth', 'eval_builtin_error'],
  ['bits.lsh', [1, 10_000_000], 'bits.lsh: operand 2 must be at most 1048576 (shift too large)', 'eval_type_error'],
  ['net.cidr_expand', ['10.0.0.0/8'], 'net.cidr_expand: CIDR 10.0.0.0/8 has more than 1048576 addresses', 'eval_builtin_error'],
  ['sprintf', ['%999999999d', [1]], 'sprintf: fmt width 999999999 exceeds 1000000', 'eval_builtin_error'],
);

describe('builtin errors', () => {
  it.each(errors.map(([name, args, message, code]) => ({ name, args, message, code })))('$name: $message', ({ name, args, message, code }) => {
    let caught: unknown;
    try {
      callBuiltin(name, args);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(BuiltinError);
    expect((caught as BuiltinError).message).toContain(message);
    expect((caught as BuiltinError).code).toBe(code);
  });
});
