/**
 * A JSON string literal as Go's encoding/json (Go 1.22 and later) writes it, the one escaper behind OPA's JSON output
 * (`rego/builtins/json-text.ts`), Terraform's `jsonencode` (`terraform/functions/json-encode.ts`) and the aws
 * provider's JSON normalisation in plans (`plan/aws/go-json.ts`); the Go programs they mirror (OPA, Terraform 1.11.4,
 * terraform-provider-aws 5.100.0) are all built with Go 1.23:
 * - `"` and `\` escaped, `\b \f \n \r \t` short (Go writes \b and \f short since 1.22), other control characters as
 *   \u00XX;
 * - the HTML-safe escapes: `<`, `>`, `&` as \u003c \u003e \u0026, U+2028 and U+2029 as \u2028 \u2029;
 * - text that is not valid Unicode (a lone UTF-16 surrogate, Go's invalid UTF-8) as \ufffd, Go's replacement;
 * - everything else as itself.
 */
export function goJsonString(text: string): string {
  const json = JSON.stringify(text);
  // JSON.stringify writes \uXXXX only for control characters and lone surrogates; a `\\` pair is consumed whole so
  // that an escaped backslash followed by "u..." text is left alone.
  return GO_DIFFERENCES.test(json) ? json.replace(GO_DIFFERENCES_ALL, goEscape) : json;
}

const GO_DIFFERENCES = /[<>&\u2028\u2029]|\\u[dD][89a-fA-F]/;
const GO_DIFFERENCES_ALL = /\\\\|\\u[dD][89a-fA-F][0-9a-fA-F]{2}|[<>&\u2028\u2029]/g;

function goEscape(match: string): string {
  if (match === '\\\\') return match;
  if (match.length === 6) return '\\ufffd';
  return `\\u${match.charCodeAt(0).toString(16).padStart(4, '0')}`;
}
