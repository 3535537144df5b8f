/** A minimal DER reader: enough to walk X.509 certificates and PKCS#10 requests (names, extensions). */
import { BuiltinError } from './define-builtin.ts';

export interface Der {
  readonly tag: number;
  /** Whole element (header + content). */
  readonly raw: Buffer;
  readonly content: Buffer;
}

function structureError(message: string): BuiltinError {
  return new BuiltinError(`asn1: structure error: ${message}`);
}

/** Reads one element at `offset`. */
export function readDer(buffer: Buffer, offset = 0): Der {
  if (offset + 2 > buffer.length) throw structureError('tags don\'t match');
  const tag = buffer[offset]!;
  let length = buffer[offset + 1]!;
  let header = 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 4 || offset + 2 + count > buffer.length) throw structureError('length too large');
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + buffer[offset + 2 + i]!;
    header += count;
  }
  if (offset + header + length > buffer.length) throw structureError('data truncated');
  return { tag, raw: buffer.subarray(offset, offset + header + length), content: buffer.subarray(offset + header, offset + header + length) };
}

/** Children of a constructed element. */
export function children(element: Der): Der[] {
  const out: Der[] = [];
  for (let offset = 0; offset < element.content.length; ) {
    const child = readDer(element.content, offset);
    out.push(child);
    offset += child.raw.length;
  }
  return out;
}

/** Splits concatenated DER elements (e.g. several certificates). */
export function splitDer(buffer: Buffer): Buffer[] {
  const out: Buffer[] = [];
  for (let offset = 0; offset < buffer.length; ) {
    const element = readDer(buffer, offset);
    if (element.tag !== 0x30) throw structureError('tags don\'t match');
    out.push(element.raw);
    offset += element.raw.length;
  }
  return out;
}

export function oid(content: Buffer): number[] {
  const out: number[] = [];
  if (content.length === 0) return out;
  out.push(Math.floor(content[0]! / 40), content[0]! % 40);
  let value = 0;
  for (let i = 1; i < content.length; i++) {
    value = value * 128 + (content[i]! & 0x7f);
    if (!(content[i]! & 0x80)) {
      out.push(value);
      value = 0;
    }
  }
  return out;
}

export function stringValue(element: Der): string {
  if (element.tag === 0x1e) {
    let s = '';
    for (let i = 0; i + 1 < element.content.length; i += 2) s += String.fromCharCode(element.content.readUInt16BE(i));
    return s;
  }
  return element.content.toString(element.tag === 0x0c ? 'utf8' : 'latin1');
}
