/**
 * Go's `regexp.Expand` (what `ReplaceAllString` does with its replacement), for Rego's `regex.replace` and
 * Terraform's `replace` / `regex` family. In the template, `$name` and `${name}` are replaced by the submatch named
 * (or numbered) `name`; `$$` is a literal `$`. A name is the longest run of Unicode letters, decimal digits and `_`;
 * it is a group number only when it is all ASCII digits without a leading zero (below 1e8). A reference to a group
 * that does not exist or did not participate expands to nothing; a `$` not followed by a valid reference is kept.
 *
 * `submatch(reference)` returns the text of group `reference` (a number or a name), or undefined when there is none.
 */
export function goRegexpExpand(template: string, submatch: (reference: number | string) => string | undefined): string {
  let out = '';
  let rest = template;
  for (;;) {
    const dollar = rest.indexOf('$');
    if (dollar < 0) break;
    out += rest.slice(0, dollar);
    rest = rest.slice(dollar);
    if (rest.startsWith('$$')) {
      out += '$';
      rest = rest.slice(2);
      continue;
    }
    const reference = extract(rest);
    if (!reference) {
      // Malformed: keep the `$` and go on after it.
      out += '$';
      rest = rest.slice(1);
      continue;
    }
    rest = rest.slice(reference.length);
    out += submatch(reference.name) ?? '';
  }
  return out + rest;
}

const NAME = /^[\p{L}\p{Nd}_]+/u;

/** Go's regexp `extract`: the reference at the start of `text` (which starts with `$`), with its source length. */
function extract(text: string): { name: number | string; length: number } | undefined {
  const brace = text[1] === '{';
  const body = text.slice(brace ? 2 : 1);
  const name = NAME.exec(body)?.[0];
  if (!name) return undefined;
  if (brace && body[name.length] !== '}') return undefined;
  const length = (brace ? 2 : 1) + name.length + (brace ? 1 : 0);
  const numeric = /^(0|[1-9][0-9]{0,7})$/.test(name);
  return { name: numeric ? Number(name) : name, length };
}
