import type { Body, Expression, HclFile, TemplatePart } from './ast.ts';

/**
 * Renders a parsed file in the JSON shape `@cdktf/hcl2json` produces (constant values as JSON,
 * other expressions as `"${source}"`, templates re-rendered, blocks nested by type and labels).
 * Used by tests to check the AST against HashiCorp's own parser on real files.
 */
export function toHcl2JsonShape(file: HclFile): Record<string, unknown> {
  const bytes = Buffer.from(file.source, 'utf8');
  const text = (expr: { range: { start: { byte: number }; end: { byte: number } } }): string =>
    bytes.subarray(expr.range.start.byte, expr.range.end.byte).toString('utf8');
  const escape = (s: string): string => s.replace(/([$%])\{/g, (_, c: string) => `${c}${c}{`);
  const renderParts = (parts: TemplatePart[]): string =>
    parts
      .map((part) => {
        switch (part.kind) {
          case 'text':
            return escape(part.value);
          case 'interpolation':
            return `\${${text(part.expr)}}`;
          case 'if':
            return `%{if ${text(part.cond)}}${renderParts(part.then)}${part.else ? `%{else}${renderParts(part.else)}` : ''}%{endif}`;
          case 'for':
            return `%{for ${part.keyVar ? `${part.keyVar}, ` : ''}${part.valueVar} in ${text(part.collection)}}${renderParts(part.body)}%{endfor}`;
        }
      })
      .join('');
  const value = (expr: Expression): unknown => {
    switch (expr.kind) {
      case 'literal':
        return typeof expr.value === 'string' ? escape(expr.value) : expr.value;
      case 'template': {
        // HCL's JSON conversion folds templates whose interpolations are all literal values.
        const folded = expr.parts.every((p) => p.kind === 'text' || (p.kind === 'interpolation' && p.expr.kind === 'literal' && p.expr.value !== null));
        if (folded && !expr.heredoc) {
          return escape(expr.parts.map((p) => (p.kind === 'text' ? p.value : p.kind === 'interpolation' && p.expr.kind === 'literal' ? String(p.expr.value) : '')).join(''));
        }
        return renderParts(expr.parts);
      }
      case 'tuple':
        return expr.items.map(value);
      case 'object':
        return Object.fromEntries(expr.items.map((item) => [item.key.kind === 'literal' || item.key.kind === 'template' ? String(value(item.key)) : `\${${text(item.key)}}`, value(item.value)]));
      case 'unary':
        if (expr.op === '-' && expr.operand.kind === 'literal' && typeof expr.operand.value === 'number') return -expr.operand.value;
        return `\${${text(expr)}}`;
      default:
        return `\${${text(expr)}}`;
    }
  };
  const body = (b: Body): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const attr of b.attributes) out[attr.name] = value(attr.expr);
    for (const block of b.blocks) {
      let slot = out as Record<string, unknown>;
      const keys = [block.type, ...block.labels];
      for (const key of keys.slice(0, -1)) slot = (slot[key] ??= {}) as Record<string, unknown>;
      const last = keys[keys.length - 1] ?? block.type;
      ((slot[last] ??= []) as unknown[]).push(body(block.body));
    }
    return out;
  };
  return body(file.body);
}
