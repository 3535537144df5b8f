/** Go's encoding/base64 decoding rules (StdEncoding/URLEncoding, padded or raw), with Go's error offsets. */
import { BuiltinError } from './define-builtin.ts';

const STD = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function corrupt(offset: number): BuiltinError {
  return new BuiltinError(`illegal base64 data at input byte ${offset}`);
}

/** Decodes like Go's Encoding.DecodeString; `src` is treated as bytes (Latin-1 view of the UTF-8 text). */
export function goBase64Decode(text: string, options: { url?: boolean; padded?: boolean } = {}): Buffer {
  const alphabet = options.url ? URL : STD;
  const padded = options.padded ?? true;
  const src = Buffer.from(text, 'utf8');
  const out: number[] = [];
  let si = 0;
  const isNewline = (b: number | undefined): boolean => b === 0x0a || b === 0x0d;
  for (;;) {
    const buf = [0, 0, 0, 0];
    let dlen = 4;
    let j = 0;
    let finished = false;
    for (; j < 4; j++) {
      if (si === src.length) {
        if (j === 0) return Buffer.from(out);
        if (j === 1 || padded) throw corrupt(si - j);
        dlen = j;
        finished = true;
        break;
      }
      const b = src[si++]!;
      const value = alphabet.indexOf(String.fromCharCode(b));
      if (b < 128 && value >= 0) {
        buf[j] = value;
        continue;
      }
      if (isNewline(b)) {
        j--;
        continue;
      }
      if (!padded || b !== 0x3d) throw corrupt(si - 1);
      if (j === 0 || j === 1) throw corrupt(si - 1);
      if (j === 2) {
        while (si < src.length && isNewline(src[si])) si++;
        if (si === src.length) throw corrupt(src.length);
        if (src[si] !== 0x3d) throw corrupt(si - 1);
        si++;
      }
      while (si < src.length && isNewline(src[si])) si++;
      if (si < src.length) throw corrupt(si);
      dlen = j;
      finished = true;
      break;
    }
    const v = (buf[0]! << 18) | (buf[1]! << 12) | (buf[2]! << 6) | buf[3]!;
    const bytes = [(v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff];
    out.push(...bytes.slice(0, dlen - 1));
    if (finished) return Buffer.from(out);
  }
}
