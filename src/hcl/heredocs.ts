/**
 * The heredocs of a native-syntax source found by a line scan (no parse): where each starts, where its body ends,
 * and whether a closing marker was found. Lines inside block comments and `<<` after `#`/`//` do not open one.
 * Used to refuse a huge heredoc before HashiCorp's parser (whose time and memory grow quickly with it) sees it.
 */
export interface HeredocSpan {
  /** UTF-16 index of `<<`. */
  start: number;
  /** UTF-16 index just past the closing marker line, or the end of the source when unterminated. */
  end: number;
  marker: string;
  terminated: boolean;
}

const HEREDOC_OPEN = /<<-?([A-Za-z_][A-Za-z0-9_-]*)[ \t]*\r?$/;

export function heredocSpans(source: string): HeredocSpan[] {
  const spans: HeredocSpan[] = [];
  let open: { start: number; marker: string } | undefined;
  let inComment = false;
  let offset = 0;
  while (offset <= source.length) {
    const newline = source.indexOf('\n', offset);
    const lineEnd = newline === -1 ? source.length : newline;
    const line = source.slice(offset, lineEnd);
    if (open) {
      if (line.trim() === open.marker) {
        spans.push({ start: open.start, end: lineEnd, marker: open.marker, terminated: true });
        open = undefined;
      }
    } else if (inComment) {
      if (line.includes('*/')) inComment = false;
    } else {
      const match = HEREDOC_OPEN.exec(line);
      if (match && !commentedOut(line, match.index)) open = { start: offset + match.index, marker: match[1]! };
      const commentStart = line.lastIndexOf('/*');
      if (commentStart !== -1 && !line.includes('*/', commentStart) && !commentedOut(line, commentStart)) inComment = true;
    }
    if (newline === -1) break;
    offset = newline + 1;
  }
  if (open) spans.push({ start: open.start, end: source.length, marker: open.marker, terminated: false });
  return spans;
}

/** True when `index` of `line` comes after a line comment marker (`#` or `//`) outside a quoted string. */
function commentedOut(line: string, index: number): boolean {
  let quoted = false;
  for (let i = 0; i < index; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '\\') i++;
      else if (c === '"') quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === '#' || (c === '/' && line[i + 1] === '/')) return true;
  }
  return false;
}
