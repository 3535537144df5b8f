import { sanitizeFileName } from './safe-path.ts';

export type ArtifactKind = 'terraform' | 'rego';

/** A file proposed by a generator, with its safe path relative to --out (posix separators). */
export interface GeneratedFile {
  path: string;
  content: string;
}

export interface ExtractResult {
  files: GeneratedFile[];
  /** Fenced code blocks found in the reply (0 = the reply had no code at all). */
  blockCount: number;
  /** What was renamed, dropped or merged, for the trace and the report (e.g. `renamed "../../etc/x" to "x.tf"`). */
  notices: string[];
}

/** Bounds on what one reply may write. */
export const MAX_FILES = 50;
export const MAX_FILE_BYTES = 1_000_000;

const TERRAFORM_LANGUAGES = new Set(['hcl', 'terraform', 'tf', 'hcl2', 'tfvars']);
const REGO_LANGUAGES = new Set(['rego', 'opa']);
const NAME_IN_INFO = /(?:^|\s)(?:file(?:name)?|path|title)\s*[=:]\s*["']?([^"'\s]+)["']?/i;
const NAME_COMMENT = /^\s*(?:#|\/\/)\s*(?:file(?:name)?|path)\s*:\s*(\S+)\s*$/i;
const NAME_BEFORE = /^\s*(?:#{1,6}\s*)?(?:\*\*|`)?(?:file(?:name)?\s*:\s*)?`?([A-Za-z0-9_./\\-]+\.(?:tf|tf\.json|tfvars|rego))`?(?:\*\*|`)?\s*:?\s*$/i;

/**
 * Extracts the files of one kind from a model reply. A file's name comes from the fence info string
 * (```` ```hcl file=main.tf ````, ```` ```terraform main.tf ````, ```` ```hcl:main.tf ````), a first-line comment
 * (`# file: main.tf`), or a heading/bold line just before the fence; otherwise a default (`main.tf`, or
 * `<package>.rego` for Rego). Names are sanitised and confined (see safe-path.ts); Rego files go under `policies/`.
 * Blocks of the other kind or another language are ignored.
 */
export function extractFiles(reply: string, kind: ArtifactKind): ExtractResult {
  const notices: string[] = [];
  const byPath = new Map<string, string>();
  const lines = reply.replace(/\r\n/g, '\n').split('\n');
  let blockCount = 0;
  let unnamed = 0;
  for (let i = 0; i < lines.length; i++) {
    const open = /^\s*(`{3,}|~{3,})\s*(.*)$/.exec(lines[i]!);
    if (!open) continue;
    const fence = open[1]!;
    const info = open[2]!.trim();
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      if (lines[j]!.trim().startsWith(fence[0]!.repeat(fence.length)) && lines[j]!.trim().replace(/[`~]/g, '') === '') break;
      body.push(lines[j]!);
    }
    blockCount++;
    const previous = lines.slice(Math.max(0, i - 2), i).reverse().find((l) => l.trim() !== '');
    const block = classify(info, body, previous);
    i = j;
    if (block.kind !== kind) continue;
    let content = body.join('\n');
    if (block.nameFromComment) content = body.slice(1).join('\n');
    content = `${content.replace(/\s+$/, '')}\n`;
    let requested = block.name;
    if (!requested) requested = kind === 'terraform' ? (unnamed++ === 0 ? 'main.tf' : `main_${unnamed}.tf`) : regoDefaultName(content, unnamed++);
    const path = safePath(requested, kind);
    if (!path) {
      notices.push(`dropped a ${kind} file with an unusable name "${requested}"`);
      continue;
    }
    if (block.name && path !== expectedPath(block.name, kind)) notices.push(`renamed "${block.name}" to "${path}"`);
    if (Buffer.byteLength(content) > MAX_FILE_BYTES) {
      notices.push(`dropped "${path}": larger than ${MAX_FILE_BYTES} bytes`);
      continue;
    }
    if (!byPath.has(path) && byPath.size >= MAX_FILES) {
      notices.push(`dropped "${path}": more than ${MAX_FILES} files in one reply`);
      continue;
    }
    if (byPath.has(path)) {
      notices.push(`merged two blocks named "${path}"`);
      byPath.set(path, `${byPath.get(path)!}\n${content}`);
    } else {
      byPath.set(path, content);
    }
  }
  return { files: [...byPath].map(([path, content]) => ({ path, content })), blockCount, notices };
}

interface BlockInfo {
  kind: ArtifactKind | 'other';
  name?: string;
  nameFromComment: boolean;
}

function classify(info: string, body: string[], previous: string | undefined): BlockInfo {
  const [languageToken = ''] = info.split(/\s+/);
  const [language = '', colonName] = languageToken.split(':');
  let name = NAME_IN_INFO.exec(info)?.[1] ?? colonName;
  if (!name) {
    const second = info.split(/\s+/)[1];
    if (second && /\.(tf|tf\.json|tfvars|rego)$/i.test(second)) name = second;
  }
  let nameFromComment = false;
  const comment = body[0] !== undefined ? NAME_COMMENT.exec(body[0]) : null;
  if (!name && comment) {
    name = comment[1];
    nameFromComment = true;
  }
  if (!name && previous) name = NAME_BEFORE.exec(previous)?.[1];
  const lang = language.toLowerCase();
  let kind: BlockInfo['kind'] = 'other';
  if (REGO_LANGUAGES.has(lang) || /\.rego$/i.test(name ?? '')) kind = 'rego';
  else if (TERRAFORM_LANGUAGES.has(lang) || /\.(tf|tf\.json|tfvars)$/i.test(name ?? '')) kind = 'terraform';
  else if (lang === '' && looksLikeRego(body)) kind = 'rego';
  else if (lang === '' && looksLikeTerraform(body)) kind = 'terraform';
  return { kind, ...(name ? { name } : {}), nameFromComment };
}

function looksLikeRego(body: string[]): boolean {
  return body.some((l) => /^\s*package\s+[A-Za-z_][\w.]*\s*$/.test(l));
}

function looksLikeTerraform(body: string[]): boolean {
  return body.some((l) => /^\s*(resource|provider|terraform|variable|output|data|module|locals)\b[^=]*\{\s*$/.test(l));
}

function regoDefaultName(content: string, index: number): string {
  const pkg = /^\s*package\s+([A-Za-z_][\w.]*)/m.exec(content)?.[1];
  const last = pkg?.split('.').at(-1);
  if (last) return /_test$/.test(last) || !/\btest_\w+/.test(content) ? `${last}.rego` : `${last}_test.rego`;
  return `policy_${index + 1}.rego`;
}

function safePath(requested: string, kind: ArtifactKind): string | undefined {
  let name = sanitizeFileName(requested);
  if (!name) return undefined;
  if (kind === 'terraform' && !/\.(tf|tf\.json|tfvars)$/i.test(name)) name = `${name}.tf`;
  if (kind === 'rego') {
    if (!/\.rego$/i.test(name)) name = `${name}.rego`;
    return `policies/${name}`;
  }
  return name;
}

function expectedPath(requested: string, kind: ArtifactKind): string {
  const plain = requested.replace(/^\.\//, '').replace(/^policies\//, '');
  return kind === 'rego' ? `policies/${plain}` : plain;
}
