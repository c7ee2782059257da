import { BlockList, isIP } from 'node:net';

/*
 * Which addresses a fetched link may connect to. A link shared in Slack is fetched from inside our cloud
 * account, so a page must not be able to point the worker at the account's own network (SSRF): private
 * ranges, loopback, link-local (and with it the instance metadata service at 169.254.169.254), and the
 * addresses that are no destination at all. Ranges from the IANA special-purpose registries (RFC 6890).
 */

interface RefusedRange {
  network: string;
  prefix: number;
  family: 'ipv4' | 'ipv6';
  /** What the reason names: "a private address (10.0.0.8)". */
  kind: string;
}

const METADATA_ADDRESS = '169.254.169.254';

const REFUSED_RANGES: RefusedRange[] = [
  { network: '0.0.0.0', prefix: 8, family: 'ipv4', kind: 'an unspecified address' },
  { network: '10.0.0.0', prefix: 8, family: 'ipv4', kind: 'a private address' },
  { network: '100.64.0.0', prefix: 10, family: 'ipv4', kind: 'a private address' },
  { network: '127.0.0.0', prefix: 8, family: 'ipv4', kind: 'a loopback address' },
  { network: '169.254.0.0', prefix: 16, family: 'ipv4', kind: 'a link-local address' },
  { network: '172.16.0.0', prefix: 12, family: 'ipv4', kind: 'a private address' },
  { network: '192.0.0.0', prefix: 24, family: 'ipv4', kind: 'a reserved address' },
  { network: '192.168.0.0', prefix: 16, family: 'ipv4', kind: 'a private address' },
  { network: '198.18.0.0', prefix: 15, family: 'ipv4', kind: 'a reserved address' },
  { network: '224.0.0.0', prefix: 4, family: 'ipv4', kind: 'a multicast address' },
  { network: '240.0.0.0', prefix: 4, family: 'ipv4', kind: 'a reserved address' },
  { network: '::', prefix: 128, family: 'ipv6', kind: 'an unspecified address' },
  { network: '::1', prefix: 128, family: 'ipv6', kind: 'a loopback address' },
  { network: 'fc00::', prefix: 7, family: 'ipv6', kind: 'a private address' },
  { network: 'fe80::', prefix: 10, family: 'ipv6', kind: 'a link-local address' },
  { network: 'ff00::', prefix: 8, family: 'ipv6', kind: 'a multicast address' },
];

/** One BlockList per kind, so a refusal can say which kind of address it met. */
const RANGES_BY_KIND = new Map<string, BlockList>();
for (const { network, prefix, family, kind } of REFUSED_RANGES) {
  const list = RANGES_BY_KIND.get(kind) ?? new BlockList();
  list.addSubnet(network, prefix, family);
  RANGES_BY_KIND.set(kind, list);
}

/** The 16 bytes of an IPv6 address (checked by `isIP` first), the dotted IPv4 tail included. */
function ipv6Bytes(address: string): number[] {
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/u.exec(address)?.[1];
  const hex = dotted
    ? address.slice(0, -dotted.length) +
      dotted
        .split('.')
        .map(Number)
        .reduce<string[]>((groups, byte, i) => {
          if (i % 2 === 0) groups.push(byte.toString(16));
          else groups[groups.length - 1] = ((Number.parseInt(groups.at(-1) ?? '0', 16) << 8) | byte).toString(16);
          return groups;
        }, [])
        .join(':')
    : address;
  const [head = '', tail] = hex.split('::');
  const words = (part: string) => (part ? part.split(':').map((w) => Number.parseInt(w, 16)) : []);
  const high = words(head);
  const low = tail === undefined ? [] : words(tail);
  const all = [...high, ...Array<number>(8 - high.length - low.length).fill(0), ...low];
  return all.flatMap((word) => [word >> 8, word & 0xff]);
}

/**
 * IPv6 prefixes that carry an IPv4 address, which is what they reach (RFC 6052, 4291, 3056, 6145, 8215):
 * each with the offset of the IPv4 address's 4 bytes.
 */
const IPV4_CARRIERS: { prefix: number[]; offset: number }[] = [
  // IPv4-mapped ::ffff:0:0/96 and IPv4-translated ::ffff:0:0:0/96
  { prefix: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff], offset: 12 },
  { prefix: [0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0, 0], offset: 12 },
  // NAT64 well-known prefix 64:ff9b::/96 and local-use 64:ff9b:1::/48 (its last 32 bits, the common layout)
  { prefix: [0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0], offset: 12 },
  { prefix: [0, 0x64, 0xff, 0x9b, 0, 1], offset: 12 },
  // 6to4 2002::/16: the IPv4 address in bytes 2 to 5
  { prefix: [0x20, 0x02], offset: 2 },
  // IPv4-compatible ::/96 (deprecated, still routed by some stacks)
  { prefix: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], offset: 12 },
];

/**
 * `::ffff:10.0.0.1`, `64:ff9b::a00:1`, `2002:a00:1::`: the IPv4 address an IPv6 address carries, judged
 * instead. `::` and `::1` carry none: they are IPv6's unspecified and loopback addresses.
 */
function embeddedIpv4(address: string): string | null {
  const bytes = ipv6Bytes(address);
  if (bytes.slice(0, 15).every((byte) => byte === 0) && (bytes[15] ?? 0) <= 1) return null;
  const carrier = IPV4_CARRIERS.find(({ prefix }) => prefix.every((byte, i) => bytes[i] === byte));
  return carrier ? bytes.slice(carrier.offset, carrier.offset + 4).join('.') : null;
}

/**
 * Why a link may not connect to `address`, or null when it may: "the cloud metadata address
 * (169.254.169.254)", "a private address (10.1.2.3)". Anything that is not an IP address is refused too.
 */
export function addressRefusal(address: string): string | null {
  const bare = address.replace(/^\[|\]$/gu, '').replace(/%.*$/u, '');
  const family = isIP(bare);
  if (family === 0) return `not an IP address (${address})`;
  const ipv4 = family === 4 ? bare : embeddedIpv4(bare);
  if (ipv4 === METADATA_ADDRESS) return `the cloud metadata address (${bare})`;
  for (const [kind, list] of RANGES_BY_KIND) {
    if (ipv4 !== null ? list.check(ipv4, 'ipv4') : list.check(bare, 'ipv6')) return `${kind} (${bare})`;
  }
  return null;
}
