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

/** `::ffff:10.0.0.1` (or its hex form `::ffff:a00:1`) reaches 10.0.0.1: judge the IPv4 address it carries. */
function embeddedIpv4(address: string): string | null {
  const mapped = /^::ffff:(?:0:)?(.+)$/iu.exec(address)?.[1];
  if (mapped === undefined) return null;
  if (isIP(mapped) === 4) return mapped;
  const hex = /^([0-9a-f]{1,4}):([0-9a-f]{1,4})$/iu.exec(mapped);
  if (!hex?.[1] || !hex[2]) return null;
  const high = Number.parseInt(hex[1], 16);
  const low = Number.parseInt(hex[2], 16);
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
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
