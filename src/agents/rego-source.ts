/**
 * Light, bounded reading of generated Rego source for the loop's bookkeeping: package names, rule names, test
 * rules and their bodies. Parsing and compiling proper is the Rego engine's job (rego check); this only finds names.
 */
export interface RegoFileInfo {
  path: string;
  /** `iacpac.generated.s3_encryption`, or undefined when there is no package line. */
  packageName?: string;
  /** Names of rules defined at top level (first word of a rule head). */
  rules: Set<string>;
  /** `test_*` rules with their body text. */
  tests: Array<{ name: string; body: string; line: number }>;
  /** `import data.a.b [as c]` -> {path: 'a.b', alias: 'c' (or the last segment)}. */
  imports: Array<{ path: string; alias: string }>;
}

export function readRegoFile(path: string, source: string): RegoFileInfo {
  const clean = stripComments(source);
  const packageName = /^\s*package\s+([A-Za-z_][\w.]*)/m.exec(clean)?.[1];
  const rules = new Set<string>();
  const tests: RegoFileInfo['tests'] = [];
  const imports: RegoFileInfo['imports'] = [];
  for (const match of clean.matchAll(/^\s*import\s+data\.([A-Za-z_][\w.]*)(?:\s+as\s+([A-Za-z_]\w*))?/gm)) {
    imports.push({ path: match[1]!, alias: match[2] ?? match[1]!.split('.').at(-1)! });
  }
  const lines = clean.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const head = /^([A-Za-z_]\w*)\b/.exec(lines[i]!);
    if (!head || ['package', 'import', 'default', 'some', 'not', 'every'].includes(head[1]!)) {
      const dflt = /^default\s+([A-Za-z_]\w*)/.exec(lines[i]!);
      if (dflt) rules.add(dflt[1]!);
      continue;
    }
    const name = head[1]!;
    rules.add(name);
    if (name.startsWith('test_')) {
      const start = clean.indexOf('{', lineOffset(lines, i));
      const body = start === -1 ? '' : balanced(clean, start);
      tests.push({ name, body, line: i + 1 });
    }
  }
  return { path, ...(packageName ? { packageName } : {}), rules, tests, imports };
}

function stripComments(source: string): string {
  // Remove `#` comments outside strings, keeping line structure.
  return source
    .split('\n')
    .map((line) => {
      let inString = false;
      for (let i = 0; i < line.length; i++) {
        const c = line[i];
        if (c === '\\' && inString) i++;
        else if (c === '"') inString = !inString;
        else if (c === '`') {
          const end = line.indexOf('`', i + 1);
          if (end === -1) break;
          i = end;
        } else if (c === '#' && !inString) return line.slice(0, i);
      }
      return line;
    })
    .join('\n');
}

function lineOffset(lines: string[], index: number): number {
  let offset = 0;
  for (let i = 0; i < index; i++) offset += lines[i]!.length + 1;
  return offset;
}

/** The text between the brace at `start` and its match (strings skipped), bounded to 100,000 characters. */
function balanced(text: string, start: number): string {
  let depth = 0;
  let inString = false;
  const limit = Math.min(text.length, start + 100_000);
  for (let i = start; i < limit; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '{' || c === '[' || c === '(') depth++;
    else if (c === '}' || c === ']' || c === ')') {
      depth--;
      if (depth === 0) return text.slice(start + 1, i);
    }
  }
  return text.slice(start + 1, limit);
}
