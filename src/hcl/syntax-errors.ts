import type { Diagnostic } from '../core/diagnostics.ts';
import type { PositionMap } from './position-map.ts';

/** The filename given to HCL's syntax check, so its ranges can be found reliably in its error text. */
export const HCL2JSON_FILENAME = '__iacpac_input__.tf';

const RANGE = /(?:^|\s)__iacpac_input__\.tf:(\d+),(\d+)-(?:(\d+),)?(\d+): /g;

/**
 * Turns the error text of HCL's syntax check (`hcl-syntax-worker.ts`; the text `@cdktf/hcl2json` gives, e.g.
 * `parse config: [main.tf:1,18-19: Unclosed configuration block; There is no closing brace ...]`)
 * into Terraform-shaped diagnostics: summary before the first `; `, detail after it, and a range with
 * line, column and byte offset as `terraform validate -json` prints it.
 */
export function syntaxDiagnostics(errorText: string, positions: PositionMap): Diagnostic[] {
  let text = errorText.replace(/^Error: /, '').replace(/^parse config: /, '');
  if (text.startsWith('[') && text.endsWith(']')) text = text.slice(1, -1);
  const matches = [...text.matchAll(RANGE)];
  if (matches.length === 0) {
    return [{ severity: 'error', summary: 'Invalid syntax', detail: text.trim(), source: 'hcl', code: 'syntax' }];
  }
  const diagnostics: Diagnostic[] = [];
  for (let i = 0; i < matches.length; i++) {
    const match = matches[i];
    if (!match || match.index === undefined) continue;
    const next = matches[i + 1];
    const messageStart = match.index + match[0].length;
    const message = text.slice(messageStart, next?.index ?? text.length).replace(/, and \d+ other diagnostic\(s\)$/, '');
    const separator = message.indexOf('; ');
    // Messages may cite other places in the file ("already set at main.tf:1,1-2"): use the real name.
    const named = message.split(HCL2JSON_FILENAME).join(positions.filename);
    const summary = separator === -1 ? named : named.slice(0, named.indexOf('; '));
    const detail = separator === -1 ? '' : named.slice(named.indexOf('; ') + 2);
    const startLine = Number(match[1]);
    const startColumn = Number(match[2]);
    const endLine = match[3] ? Number(match[3]) : startLine;
    const endColumn = Number(match[4]);
    const start = positions.pos(positions.indexOfLineColumn(startLine, startColumn));
    let end = positions.pos(positions.indexOfLineColumn(endLine, endColumn));
    let endColumnShown = endColumn;
    const eof = positions.pos(positions.length);
    if (start.byte === eof.byte && end.byte === eof.byte && startLine === endLine && startColumn === endColumn) {
      // An empty range at the end of the file: the HCL in Terraform 1.11 makes its end-of-file token one
      // character wide (HCL 2.23.0, the one iacpac bundles as hcl2json did, leaves it empty).
      end = { ...end, byte: end.byte + 1 };
      endColumnShown = endColumn + 1;
    }
    diagnostics.push({
      severity: 'error',
      summary,
      detail,
      range: {
        filename: positions.filename,
        start: { ...start, line: startLine, column: startColumn },
        end: { ...end, line: endLine, column: endColumnShown },
      },
      source: 'hcl',
      code: 'syntax',
    });
  }
  return diagnostics;
}
