/**
 * IPv6 address text (RFC 4291: groups of 1-4 hex digits, one `::`, an optional dotted IPv4 tail) -> its 128-bit
 * value, or undefined when malformed. The IPv4 tail is parsed by `parseIPv4`, because Go's rules for it differ
 * between the callers (OPA follows current Go; Terraform keeps Go <= 1.16's leading-zero octets).
 */
export function parseIPv6(s: string, parseIPv4: (s: string) => bigint | undefined): bigint | undefined {
  let text = s;
  let tail: bigint[] = [];
  const lastColon = text.lastIndexOf(':');
  if (text.includes('.') && lastColon !== -1) {
    const v4 = parseIPv4(text.slice(lastColon + 1));
    if (v4 === undefined) return undefined;
    tail = [(v4 >> 16n) & 0xffffn, v4 & 0xffffn];
    text = text.slice(0, lastColon + 1);
    text = text.endsWith('::') ? text : text.slice(0, -1);
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groupsOf = (part: string): bigint[] | undefined => {
    if (part === '') return [];
    const out: bigint[] = [];
    for (const g of part.split(':')) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
      out.push(BigInt(`0x${g}`));
    }
    return out;
  };
  const head = groupsOf(halves[0]!);
  const rest = halves.length === 2 ? groupsOf(halves[1]!) : [];
  if (!head || !rest) return undefined;
  const total = head.length + rest.length + tail.length;
  let groups: bigint[];
  if (halves.length === 2) {
    if (total > 7) return undefined;
    groups = [...head, ...Array<bigint>(8 - total).fill(0n), ...rest, ...tail];
  } else {
    if (total !== 8) return undefined;
    groups = [...head, ...tail];
  }
  return groups.reduce((acc, g) => (acc << 16n) | g, 0n);
}
