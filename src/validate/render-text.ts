import pc from 'picocolors';
import type { Diagnostic, ValidateResult } from '../core/diagnostics.ts';

export interface RenderOptions {
  color: boolean;
}

/**
 * Human-readable output in the style of `terraform validate`: one framed box per diagnostic with the
 * source lines and the highlighted range, then the verdict line.
 */
export function renderValidateText(result: ValidateResult, options: RenderOptions): string {
  const colors = pc.createColors(options.color);
  const out: string[] = [];
  for (const diagnostic of result.diagnostics) out.push(renderDiagnostic(diagnostic, colors));
  if (result.valid) {
    const text = result.warning_count > 0 ? 'Success! The configuration is valid, but there were some validation warnings as shown above.' : 'Success! The configuration is valid.';
    out.push(colors.green(colors.bold(text)));
  }
  return `${out.join('\n')}\n`;
}

function renderDiagnostic(diagnostic: Diagnostic, colors: ReturnType<typeof pc.createColors>): string {
  const error = diagnostic.severity === 'error';
  const bar = error ? colors.red('│') : colors.yellow('│');
  const lines: string[] = [];
  const label = error ? colors.red(colors.bold('Error: ')) : colors.yellow(colors.bold('Warning: '));
  lines.push(`${label}${colors.bold(diagnostic.summary)}`);
  const { range, snippet } = diagnostic;
  if (range) {
    lines.push('');
    lines.push(`  on ${range.filename} line ${range.start.line}${snippet?.context ? `, in ${snippet.context}` : ''}:`);
    // Terraform's empty range (a reference it could not parse) has no file to quote.
    if (range.filename === '') lines.push('  (source code not available)');
    if (snippet) {
      const code = Buffer.from(snippet.code, 'utf8');
      let offset = 0;
      snippet.code.split('\n').forEach((text, i) => {
        const length = Buffer.byteLength(text, 'utf8');
        const start = Math.max(snippet.highlight_start_offset - offset, 0);
        const end = Math.min(snippet.highlight_end_offset - offset, length);
        let shown = text;
        if (end > start) {
          const bytes = code.subarray(offset, offset + length);
          shown =
            bytes.subarray(0, start).toString('utf8') +
            colors.underline(bytes.subarray(start, end).toString('utf8')) +
            bytes.subarray(end).toString('utf8');
        }
        lines.push(`${String(snippet.start_line + i).padStart(4)}: ${shown}`);
        offset += length + 1;
      });
    }
  }
  if (diagnostic.detail) {
    lines.push('');
    lines.push(...diagnostic.detail.split('\n'));
  }
  const open = error ? colors.red('╷') : colors.yellow('╷');
  const close = error ? colors.red('╵') : colors.yellow('╵');
  return [open, ...lines.map((line) => (line ? `${bar} ${line}` : bar)), close].join('\n');
}
