/**
 * A Go text/template interpreter for strings.render_template: actions with field chains and variables, pipelines,
 * if / else if / else, range (with index/element variables and else), with, define-free templates, trim markers,
 * comments, and the builtin functions (and, or, not, len, index, print, printf, println, eq, ne, lt, le, gt, ge).
 * Data is the JSON view of the Rego object; a missing key renders `<undefined>` as in OPA.
 */
import { BuiltinError } from './define-builtin.ts';
import { goSprintf, type GoArg } from './go-fmt.ts';
import { queryEscape } from '../../core/go-query-escape.ts';

type Data = null | boolean | number | bigint | string | Data[] | { [k: string]: Data } | typeof MISSING;
const MISSING = Symbol('missing');

type Node =
  | { kind: 'text'; text: string }
  | { kind: 'action'; pipe: Pipe }
  | { kind: 'if' | 'with'; pipe: Pipe; then: Node[]; else: Node[] }
  | { kind: 'range'; pipe: Pipe; then: Node[]; else: Node[] };

interface Pipe {
  decl: string[];
  commands: Arg[][];
}
type Arg =
  | { kind: 'field'; base: 'dot' | string; path: string[] }
  | { kind: 'literal'; value: Data }
  | { kind: 'ident'; name: string }
  | { kind: 'pipe'; pipe: Pipe };

const MAX_STEPS = 1_000_000;

function fail(message: string): never {
  throw new BuiltinError(`template: template:${message}`);
}

// ---- lexing of the template into text and action chunks
function chunks(source: string): Array<{ text: string } | { action: string }> {
  const out: Array<{ text: string } | { action: string }> = [];
  let i = 0;
  while (i < source.length) {
    const open = source.indexOf('{{', i);
    if (open === -1) {
      out.push({ text: source.slice(i) });
      break;
    }
    let text = source.slice(i, open);
    let start = open + 2;
    if (source[start] === '-' && /\s/.test(source[start + 1] ?? '')) {
      text = text.replace(/\s+$/, '');
      start += 2;
    }
    if (text) out.push({ text });
    let close = -1;
    let inString: string | undefined;
    for (let j = start; j < source.length - 1; j++) {
      const c = source[j]!;
      if (inString) {
        if (c === '\\' && inString === '"') j++;
        else if (c === inString) inString = undefined;
        continue;
      }
      if (c === '"' || c === '`' || c === "'") inString = c;
      else if (source.startsWith('}}', j)) {
        close = j;
        break;
      }
    }
    if (close === -1) fail('1: unclosed action');
    let end = close;
    let trimAfter = false;
    if (source[close - 1] === '-' && /\s/.test(source[close - 2] ?? '')) {
      end = close - 2;
      trimAfter = true;
    }
    out.push({ action: source.slice(start, end).trim() });
    i = close + 2;
    if (trimAfter) while (i < source.length && /\s/.test(source[i]!)) i++;
  }
  return out;
}

// ---- parsing of one action's pipeline
function tokenizeAction(action: string): string[] {
  const tokens: string[] = [];
  const re = /\s*("(?:[^"\\]|\\.)*"|`[^`]*`|'(?:[^'\\]|\\.)*'|:=|=|\||\(|\)|,|[^\s|(),=]+)/y;
  let m: RegExpExecArray | null;
  while ((m = re.exec(action))) tokens.push(m[1]!);
  return tokens;
}

function parsePipe(tokens: string[]): Pipe {
  let i = 0;
  const decl: string[] = [];
  const declEnd = tokens.findIndex((t) => t === ':=' || t === '=');
  if (declEnd !== -1 && tokens.slice(0, declEnd).every((t) => t.startsWith('$') || t === ',')) {
    for (const t of tokens.slice(0, declEnd)) if (t !== ',') decl.push(t);
    i = declEnd + 1;
  }
  const parseArgs = (stop: (t: string) => boolean): Arg[][] => {
    const commands: Arg[][] = [[]];
    while (i < tokens.length && !stop(tokens[i]!)) {
      const t = tokens[i++]!;
      if (t === '|') {
        commands.push([]);
        continue;
      }
      if (t === '(') {
        const inner = parseArgs((x) => x === ')');
        i++;
        commands[commands.length - 1]!.push({ kind: 'pipe', pipe: { decl: [], commands: inner } });
        continue;
      }
      commands[commands.length - 1]!.push(parseArg(t));
    }
    return commands;
  };
  return { decl, commands: parseArgs(() => false) };
}

function parseArg(t: string): Arg {
  if (t.startsWith('"')) return { kind: 'literal', value: JSON.parse(t) as string };
  if (t.startsWith('`')) return { kind: 'literal', value: t.slice(1, -1) };
  if (t.startsWith("'")) return { kind: 'literal', value: (JSON.parse(`"${t.slice(1, -1)}"`) as string).codePointAt(0)! };
  if (t === 'true' || t === 'false') return { kind: 'literal', value: t === 'true' };
  if (t === 'nil') return { kind: 'literal', value: null };
  if (/^-?\d/.test(t)) return { kind: 'literal', value: Number(t) };
  if (t === '.') return { kind: 'field', base: 'dot', path: [] };
  if (t.startsWith('.')) return { kind: 'field', base: 'dot', path: t.slice(1).split('.') };
  if (t.startsWith('$')) {
    const [base, ...path] = t.split('.');
    return { kind: 'field', base: base!, path };
  }
  return { kind: 'ident', name: t };
}

function parseTemplate(source: string): Node[] {
  const items = chunks(source);
  let i = 0;
  const parseList = (terminators: string[]): { nodes: Node[]; end: string } => {
    const nodes: Node[] = [];
    while (i < items.length) {
      const item = items[i++]!;
      if ('text' in item) {
        nodes.push({ kind: 'text', text: item.text });
        continue;
      }
      const action = item.action;
      if (action.startsWith('/*')) continue;
      const keyword = action.split(/\s+/)[0]!;
      if (terminators.includes(keyword) || (keyword === 'else' && terminators.includes('else'))) return { nodes, end: action };
      if (keyword === 'if' || keyword === 'with' || keyword === 'range') {
        nodes.push(parseBlock(keyword, action.slice(keyword.length)));
        continue;
      }
      if (keyword === 'end' || keyword === 'else') fail(`1: unexpected {{${keyword}}}`);
      nodes.push({ kind: 'action', pipe: parsePipe(tokenizeAction(action)) });
    }
    if (terminators.length) fail('1: unexpected EOF');
    return { nodes, end: '' };
  };
  const parseBlock = (kind: 'if' | 'with' | 'range', rest: string): Node => {
    const pipe = parsePipe(tokenizeAction(rest));
    const body = parseList(['end', 'else']);
    let elseNodes: Node[] = [];
    if (body.end.startsWith('else')) {
      const elseRest = body.end.slice(4).trim();
      if (elseRest.startsWith('if ') || elseRest.startsWith('with ')) {
        const k = elseRest.startsWith('if') ? 'if' : 'with';
        elseNodes = [parseBlock(k, elseRest.slice(k.length))];
      } else elseNodes = parseList(['end']).nodes;
    }
    return { kind, pipe, then: body.nodes, else: elseNodes };
  };
  return parseList([]).nodes;
}

// ---- execution
function truthy(v: Data): boolean {
  if (v === null || v === MISSING || v === false || v === 0 || v === 0n || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.keys(v).length > 0;
  return true;
}

/** Go's fmt %v of a JSON-decoded value. */
export function goValueText(v: Data): string {
  if (v === MISSING) return '<undefined>';
  if (v === null) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(goValueText).join(' ')}]`;
  return `map[${Object.keys(v)
    .sort()
    .map((k) => `${k}:${goValueText(v[k]!)}`)
    .join(' ')}]`;
}

function toGoArg(v: Data): GoArg {
  if (typeof v === 'number') return Number.isInteger(v) ? { kind: 'int', value: BigInt(v) } : { kind: 'float', value: v };
  if (typeof v === 'bigint') return { kind: 'int', value: v };
  return { kind: 'string', value: goValueText(v) };
}

function compareData(a: Data, b: Data): number {
  if ((typeof a === 'number' || typeof a === 'bigint') && (typeof b === 'number' || typeof b === 'bigint')) return Number(a) - Number(b);
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  fail('1: incompatible types for comparison');
}

/** Go's fmt.Sprint: spaces only between operands when neither is a string. */
function goPrint(args: Data[]): string {
  let out = '';
  args.forEach((a, i) => {
    if (i > 0 && typeof a !== 'string' && typeof args[i - 1] !== 'string') out += ' ';
    out += goValueText(a);
  });
  return out;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', "'": '&#39;', '<': '&lt;', '>': '&gt;', '"': '&#34;', '\0': '\uFFFD' };
const JS_ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  "'": "\\'",
  '"': '\\"',
  '<': '\\u003C',
  '>': '\\u003E',
  '&': '\\u0026',
  '=': '\\u003D',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

const FUNCTIONS: Record<string, (args: Data[]) => Data> = {
  and: (args) => args.find((a) => !truthy(a)) ?? args[args.length - 1] ?? null,
  or: (args) => args.find((a) => truthy(a)) ?? args[args.length - 1] ?? null,
  not: (args) => !truthy(args[0] ?? null),
  len: ([v]) => (typeof v === 'string' ? Buffer.byteLength(v) : Array.isArray(v) ? v.length : v && typeof v === 'object' ? Object.keys(v).length : fail('1: len of invalid value')),
  index: ([v, ...keys]) => {
    let cur: Data = v ?? null;
    for (const k of keys) {
      if (Array.isArray(cur)) cur = cur[Number(k)] ?? fail('1: index out of range');
      else if (cur && typeof cur === 'object') cur = (cur as Record<string, Data>)[String(k)] ?? MISSING;
      else fail('1: cannot index');
    }
    return cur;
  },
  print: (args) => goPrint(args),
  html: (args) => goPrint(args).replace(/[&'<>"\0]/g, (c) => HTML_ESCAPES[c]!),
  js: (args) =>
    goPrint(args).replace(/[\\'"<>&=\n\r\t]|[\u0000-\u001f]/g, (c) => JS_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`),
  urlquery: (args) => queryEscape(goPrint(args)),
  println: (args) => `${args.map(goValueText).join(' ')}\n`,
  printf: ([f, ...args]) => goSprintf(typeof f === 'string' ? f : '', args.map(toGoArg)),
  eq: ([a, ...rest]) => rest.some((b) => goValueText(a ?? null) === goValueText(b) && typeof a === typeof b),
  ne: ([a, b]) => !(goValueText(a ?? null) === goValueText(b ?? null) && typeof a === typeof b),
  lt: ([a, b]) => compareData(a ?? null, b ?? null) < 0,
  le: ([a, b]) => compareData(a ?? null, b ?? null) <= 0,
  gt: ([a, b]) => compareData(a ?? null, b ?? null) > 0,
  ge: ([a, b]) => compareData(a ?? null, b ?? null) >= 0,
};

export function renderGoTemplate(source: string, data: Data): string {
  const nodes = parseTemplate(source);
  let out = '';
  let steps = 0;
  const scopes: Array<Map<string, Data>> = [new Map([['$', data]])];
  const lookupVar = (name: string): Data => {
    for (let s = scopes.length - 1; s >= 0; s--) if (scopes[s]!.has(name)) return scopes[s]!.get(name)!;
    return fail(`1: undefined variable: ${name}`);
  };
  const field = (base: Data, path: string[]): Data => {
    let cur = base;
    for (const key of path) {
      if (cur && typeof cur === 'object' && !Array.isArray(cur)) cur = Object.hasOwn(cur, key) ? (cur as Record<string, Data>)[key]! : MISSING;
      else if (cur === MISSING || cur === null) return MISSING;
      else fail(`1: can't evaluate field ${key}`);
    }
    return cur;
  };
  const evalArg = (arg: Arg, dot: Data): Data => {
    switch (arg.kind) {
      case 'literal':
        return arg.value;
      case 'field':
        return field(arg.base === 'dot' ? dot : lookupVar(arg.base), arg.path);
      case 'pipe':
        return evalPipe(arg.pipe, dot);
      case 'ident':
        if (!FUNCTIONS[arg.name]) fail(`1: function "${arg.name}" not defined`);
        return FUNCTIONS[arg.name]!([]);
    }
  };
  const evalPipe = (pipe: Pipe, dot: Data): Data => {
    let value: Data | undefined;
    for (const command of pipe.commands) {
      if (command.length === 0) fail('1: missing value for command');
      const [head, ...rest] = command;
      const extra = value === undefined ? [] : [value];
      if (head!.kind === 'ident') {
        const fn = FUNCTIONS[head!.name];
        if (!fn) fail(`1: function "${head!.name}" not defined`);
        value = fn([...rest.map((a) => evalArg(a, dot)), ...extra] as Data[]);
      } else {
        if (rest.length || extra.length) fail(`1: can't give argument to non-function`);
        value = evalArg(head!, dot);
      }
    }
    const result = value ?? null;
    for (const name of pipe.decl) scopes[scopes.length - 1]!.set(name, result);
    return result;
  };
  const run = (list: Node[], dot: Data): void => {
    for (const node of list) {
      if (++steps > MAX_STEPS) fail('1: template execution too long');
      switch (node.kind) {
        case 'text':
          out += node.text;
          break;
        case 'action': {
          const v = evalPipe(node.pipe, dot);
          if (node.pipe.decl.length === 0) out += goValueText(v);
          break;
        }
        case 'if':
        case 'with': {
          scopes.push(new Map());
          const v = evalPipe(node.pipe, dot);
          if (truthy(v)) run(node.then, node.kind === 'with' ? v : dot);
          else run(node.else, dot);
          scopes.pop();
          break;
        }
        case 'range': {
          scopes.push(new Map());
          const decl = node.pipe.decl;
          const v = evalPipe({ decl: [], commands: node.pipe.commands }, dot);
          const entries: Array<[Data, Data]> = Array.isArray(v)
            ? v.map((x, i) => [i, x])
            : v && typeof v === 'object'
              ? Object.keys(v).sort().map((k) => [k, (v as Record<string, Data>)[k]!])
              : typeof v === 'number'
                ? Array.from({ length: v }, (_, i) => [i, i])
                : [];
          if (entries.length === 0) run(node.else, dot);
          for (const [key, element] of entries) {
            if (decl.length === 1) scopes[scopes.length - 1]!.set(decl[0]!, element);
            if (decl.length === 2) {
              scopes[scopes.length - 1]!.set(decl[0]!, key);
              scopes[scopes.length - 1]!.set(decl[1]!, element);
            }
            run(node.then, element);
          }
          scopes.pop();
          break;
        }
      }
    }
  };
  run(nodes, data);
  return out;
}

export type { Data as TemplateData };
