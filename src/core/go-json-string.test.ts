import { describe, expect, it } from 'vitest';
import { goJsonString } from './go-json-string.ts';

describe('goJsonString (Go 1.22+ encoding/json string literals)', () => {
  it.each([
    ['plain', '"plain"'],
    ['quote " and backslash \\', '"quote \\" and backslash \\\\"'],
    // HTML-safe escapes, as json.Marshal (OPA, Terraform, the aws provider) writes them.
    ['<a href="x">&</a>', '"\\u003ca href=\\"x\\"\\u003e\\u0026\\u003c/a\\u003e"'],
    ['\u2028\u2029', '"\\u2028\\u2029"'],
    // Short escapes since Go 1.22, other control characters as \u00XX.
    ['\b\f\n\r\t', '"\\b\\f\\n\\r\\t"'],
    ['\u0001\u001f\u007f', '"\\u0001\\u001f\u007f"'],
    // Not valid Unicode: Go replaces invalid UTF-8 with \ufffd; a pair stays one character.
    ['a\ud800b\udc00', '"a\\ufffdb\\ufffd"'],
    ['😀é', '"😀é"'],
    // Escaped backslashes followed by text that looks like an escape are left alone.
    ['\\ud800 \\u003c', '"\\\\ud800 \\\\u003c"'],
  ])('%j', (text, want) => {
    expect(goJsonString(text)).toBe(want);
    // The text reads back as itself, lone surrogates as U+FFFD.
    expect(JSON.parse(want)).toBe(text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'));
  });
});
