import { TextDecoder } from 'node:util';
import { FunctionArgError } from './define-function.ts';

/**
 * Character encodings for textencodebase64/textdecodebase64 by IANA name. UTF-8, UTF-16LE/BE and
 * ISO-8859-1 are handled directly; other names go through the platform's (ICU) decoders, and encoding
 * uses a reverse table built from the decoder once per encoding.
 */
export interface TextCodec {
  decode(bytes: Buffer): string;
  encode(text: string): Buffer | undefined;
}

const cache = new Map<string, TextCodec>();

function latin1(): TextCodec {
  return {
    decode: (b) => b.toString('latin1'),
    encode: (t) => (/[^\x00-\xff]/.test(t) ? undefined : Buffer.from(t, 'latin1')),
  };
}

function utf16(littleEndian: boolean): TextCodec {
  return {
    decode: (b) => new TextDecoder(littleEndian ? 'utf-16le' : 'utf-16be').decode(b),
    encode: (t) => {
      const le = Buffer.from(t, 'utf16le');
      if (!littleEndian) for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
      return le;
    },
  };
}

function platform(label: string): TextCodec | undefined {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label, { fatal: true });
  } catch {
    return undefined;
  }
  let reverse: Map<string, Buffer> | undefined;
  const table = (): Map<string, Buffer> => {
    if (reverse) return reverse;
    reverse = new Map();
    const tryBytes = (bytes: number[]): void => {
      try {
        const s = decoder.decode(Buffer.from(bytes));
        if ([...s].length === 1 && !reverse!.has(s)) reverse!.set(s, Buffer.from(bytes));
      } catch {
        // not a complete character in this encoding
      }
    };
    for (let a = 0; a < 256; a++) tryBytes([a]);
    for (let a = 0x80; a < 256; a++) for (let b = 0x40; b < 256; b++) tryBytes([a, b]);
    return reverse;
  };
  return {
    decode: (b) => new TextDecoder(label).decode(b),
    encode: (t) => {
      const map = table();
      const parts: Buffer[] = [];
      for (const c of t) {
        const bytes = map.get(c);
        if (!bytes) return undefined;
        parts.push(bytes);
      }
      return Buffer.concat(parts);
    },
  };
}

export function textCodec(name: string, argIndex: number): TextCodec {
  const key = name.toLowerCase();
  const hit = cache.get(key);
  if (hit) return hit;
  let codec: TextCodec | undefined;
  if (key === 'utf-8' || key === 'utf8') codec = { decode: (b) => new TextDecoder('utf-8').decode(b), encode: (t) => Buffer.from(t, 'utf8') };
  else if (key === 'utf-16le') codec = utf16(true);
  else if (key === 'utf-16be') codec = utf16(false);
  else if (['iso-8859-1', 'iso_8859-1', 'latin1', 'l1', 'iso-ir-100', 'cp819', 'ibm819', 'csisolatin1'].includes(key)) codec = latin1();
  else codec = platform(key);
  if (!codec) throw new FunctionArgError(argIndex, `${JSON.stringify(name)} is not a supported IANA encoding name or alias in this Terraform version`);
  cache.set(key, codec);
  return codec;
}
