// A minimal client for a Terraform provider plugin (plugin protocol 5 over go-plugin's gRPC transport), used by
// the scripts that record what the real provider says (probe-provider-checks.ts). It speaks just enough of the
// protocol to ask the provider to validate configurations: the go-plugin handshake on stdout, gRPC unary calls
// over HTTP/2 on the plugin's Unix socket, the few protobuf messages involved, and MessagePack-encoded values
// (docs/plugin-protocol/object-wire-format.md of Terraform).
import { spawn, type ChildProcess } from 'node:child_process';
import { connect as http2Connect, type ClientHttp2Session } from 'node:http2';
import { connect as netConnect } from 'node:net';

/** go-plugin's magic cookie for Terraform providers (a public protocol constant). */
const MAGIC_COOKIE = 'd602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2';

// ---------------------------------------------------------------------------------------------------------
// Values: a configuration object in cty's MessagePack encoding.

/** An unknown value (MessagePack extension 0), as Terraform sends values not known at validate time. */
export const UNKNOWN_VALUE = Symbol('unknown');
export type WireValue = null | boolean | number | string | WireValue[] | { [key: string]: WireValue } | typeof UNKNOWN_VALUE;

class Writer {
  private chunks: Buffer[] = [];
  private size = 0;
  push(buffer: Buffer): void {
    this.chunks.push(buffer);
    this.size += buffer.length;
  }
  byte(...bytes: number[]): void {
    this.push(Buffer.from(bytes));
  }
  finish(): Buffer {
    return Buffer.concat(this.chunks, this.size);
  }
}

function header(w: Writer, small: number, len: number, smallMax: number, b8: number | undefined, b16: number, b32: number): void {
  if (len <= smallMax) w.byte(small | len);
  else if (b8 !== undefined && len < 0x100) w.byte(b8, len);
  else if (len < 0x10000) w.byte(b16, len >> 8, len & 0xff);
  else {
    const b = Buffer.alloc(5);
    b[0] = b32;
    b.writeUInt32BE(len, 1);
    w.push(b);
  }
}

function encodeMsgpack(value: WireValue, w: Writer): void {
  if (value === null) return w.byte(0xc0);
  if (value === UNKNOWN_VALUE) return w.byte(0xd4, 0, 0);
  if (typeof value === 'boolean') return w.byte(value ? 0xc3 : 0xc2);
  if (typeof value === 'number') {
    if (Number.isInteger(value) && Math.abs(value) < 2 ** 31) {
      if (value >= 0 && value < 128) return w.byte(value);
      if (value < 0 && value >= -32) return w.byte(value & 0xff);
      const b = Buffer.alloc(5);
      b[0] = 0xd2;
      b.writeInt32BE(value, 1);
      return w.push(b);
    }
    const b = Buffer.alloc(9);
    b[0] = 0xcb;
    b.writeDoubleBE(value, 1);
    return w.push(b);
  }
  if (typeof value === 'string') {
    const bytes = Buffer.from(value, 'utf8');
    header(w, 0xa0, bytes.length, 31, 0xd9, 0xda, 0xdb);
    return w.push(bytes);
  }
  if (Array.isArray(value)) {
    header(w, 0x90, value.length, 15, undefined, 0xdc, 0xdd);
    for (const item of value) encodeMsgpack(item, w);
    return;
  }
  const keys = Object.keys(value);
  header(w, 0x80, keys.length, 15, undefined, 0xde, 0xdf);
  for (const key of keys) {
    encodeMsgpack(key, w);
    encodeMsgpack(value[key] as WireValue, w);
  }
}

export function msgpack(value: WireValue): Buffer {
  const w = new Writer();
  encodeMsgpack(value, w);
  return w.finish();
}

// ---------------------------------------------------------------------------------------------------------
// Protobuf: the handful of messages the validation calls use.

function varint(n: number | bigint): Buffer {
  let v = BigInt(n);
  if (v < 0n) v += 1n << 64n;
  const out: number[] = [];
  do {
    let byte = Number(v & 0x7fn);
    v >>= 7n;
    if (v > 0n) byte |= 0x80;
    out.push(byte);
  } while (v > 0n);
  return Buffer.from(out);
}

function field(number: number, payload: Buffer | string): Buffer {
  const bytes = typeof payload === 'string' ? Buffer.from(payload, 'utf8') : payload;
  return Buffer.concat([varint((number << 3) | 2), varint(bytes.length), bytes]);
}

function boolField(number: number, value: boolean): Buffer {
  return Buffer.concat([varint(number << 3), varint(value ? 1 : 0)]);
}

interface ProtoField {
  number: number;
  varint?: bigint;
  bytes?: Buffer;
}

function readFields(buffer: Buffer): ProtoField[] {
  const out: ProtoField[] = [];
  let at = 0;
  const readVarint = (): bigint => {
    let result = 0n;
    let shift = 0n;
    for (;;) {
      const byte = buffer[at++];
      if (byte === undefined) throw new Error('truncated protobuf varint');
      result |= BigInt(byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return result;
      shift += 7n;
    }
  };
  while (at < buffer.length) {
    const key = Number(readVarint());
    const number = key >> 3;
    const wire = key & 7;
    if (wire === 0) out.push({ number, varint: readVarint() });
    else if (wire === 2) {
      const len = Number(readVarint());
      out.push({ number, bytes: buffer.subarray(at, at + len) });
      at += len;
    } else if (wire === 1) at += 8;
    else if (wire === 5) at += 4;
    else throw new Error(`unsupported protobuf wire type ${wire}`);
  }
  return out;
}

/** A step of a diagnostic's attribute path: an attribute name, a map key or a list index. */
export type PathStep = { attribute: string } | { key: string } | { index: number };

export interface PluginDiagnostic {
  severity: 'error' | 'warning';
  summary: string;
  detail: string;
  path?: PathStep[];
}

function decodeDiagnostic(bytes: Buffer): PluginDiagnostic {
  const diagnostic: PluginDiagnostic = { severity: 'error', summary: '', detail: '' };
  for (const f of readFields(bytes)) {
    if (f.number === 1) diagnostic.severity = f.varint === 2n ? 'warning' : 'error';
    else if (f.number === 2) diagnostic.summary = f.bytes?.toString('utf8') ?? '';
    else if (f.number === 3) diagnostic.detail = f.bytes?.toString('utf8') ?? '';
    else if (f.number === 4 && f.bytes) {
      const path: PathStep[] = [];
      for (const step of readFields(f.bytes)) {
        if (step.number !== 1 || !step.bytes) continue;
        for (const s of readFields(step.bytes)) {
          if (s.number === 1) path.push({ attribute: s.bytes?.toString('utf8') ?? '' });
          else if (s.number === 2) path.push({ key: s.bytes?.toString('utf8') ?? '' });
          else if (s.number === 3) path.push({ index: Number(s.varint ?? 0n) });
        }
      }
      diagnostic.path = path;
    }
  }
  return diagnostic;
}

// ---------------------------------------------------------------------------------------------------------
// The plugin process and its gRPC connection.

export class PluginClient {
  private constructor(
    private readonly child: ChildProcess,
    private readonly session: ClientHttp2Session,
  ) {}

  /** Starts the provider binary and completes go-plugin's handshake (protocol 5, plaintext gRPC on a Unix socket). */
  static async start(binary: string): Promise<PluginClient> {
    const child = spawn(binary, [], {
      env: { ...process.env, TF_PLUGIN_MAGIC_COOKIE: MAGIC_COOKIE, PLUGIN_PROTOCOL_VERSIONS: '5' },
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const line = await new Promise<string>((resolve, reject) => {
      let text = '';
      const timer = setTimeout(() => reject(new Error('the provider did not complete the plugin handshake within 60 s')), 60_000);
      child.stdout?.on('data', (chunk: Buffer) => {
        text += chunk.toString('utf8');
        const newline = text.indexOf('\n');
        if (newline >= 0) {
          clearTimeout(timer);
          resolve(text.slice(0, newline));
        }
      });
      child.on('exit', (code) => reject(new Error(`the provider exited during the handshake (code ${code})`)));
    });
    const [core, app, network, address, protocol] = line.trim().split('|');
    if (core !== '1' || app !== '5' || network !== 'unix' || protocol !== 'grpc' || !address) {
      child.kill();
      throw new Error(`unexpected plugin handshake: ${line}`);
    }
    const session = http2Connect('http://localhost', { createConnection: () => netConnect(address) });
    session.on('error', () => undefined);
    return new PluginClient(child, session);
  }

  private call(method: string, request: Buffer): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const stream = this.session.request({
        ':method': 'POST',
        ':path': `/tfplugin5.Provider/${method}`,
        'content-type': 'application/grpc',
        te: 'trailers',
      });
      const chunks: Buffer[] = [];
      let status: string | undefined;
      let message: string | undefined;
      stream.on('response', (headers) => {
        if (headers['grpc-status'] !== undefined) status = String(headers['grpc-status']);
      });
      stream.on('trailers', (trailers) => {
        status = String(trailers['grpc-status'] ?? status);
        message = trailers['grpc-message'] === undefined ? undefined : String(trailers['grpc-message']);
      });
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', reject);
      stream.on('end', () => {
        if (status !== undefined && status !== '0') return reject(new Error(`${method}: gRPC status ${status} ${message ?? ''}`));
        const body = Buffer.concat(chunks);
        resolve(body.length >= 5 ? body.subarray(5, 5 + body.readUInt32BE(1)) : Buffer.alloc(0));
      });
      const frame = Buffer.alloc(5);
      frame.writeUInt32BE(request.length, 1);
      stream.end(Buffer.concat([frame, request]));
    });
  }

  /** The provider's whole schema response (the caller decodes what it needs). */
  async getSchemaBytes(): Promise<Buffer> {
    return this.call('GetSchema', Buffer.alloc(0));
  }

  /** ValidateResourceTypeConfig / ValidateDataSourceConfig for one configuration object. */
  async validate(mode: 'managed' | 'data', typeName: string, config: WireValue): Promise<PluginDiagnostic[]> {
    const dynamic = field(1, msgpack(config));
    const parts = [field(1, typeName), field(2, dynamic)];
    if (mode === 'managed') parts.push(field(3, boolField(2, true))); // client capabilities: write-only attributes allowed
    const response = await this.call(mode === 'managed' ? 'ValidateResourceTypeConfig' : 'ValidateDataSourceConfig', Buffer.concat(parts));
    return readFields(response)
      .filter((f) => f.number === 1 && f.bytes)
      .map((f) => decodeDiagnostic(f.bytes as Buffer));
  }

  close(): void {
    this.session.close();
    this.child.kill();
  }
}
