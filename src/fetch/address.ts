import ipaddr from 'ipaddr.js';

/**
 * The IPv4 address an IPv6 address carries in its last 32 bits when it is only a wrapper for it:
 * IPv4-mapped ::ffff:a.b.c.d, IPv4-compatible ::a.b.c.d (deprecated, still routed by some stacks: ::7f00:1
 * is 127.0.0.1) and IPv4-translated ::ffff:0:a.b.c.d. Null for any other IPv6 address.
 */
function embeddedIPv4(address: ipaddr.IPv6): ipaddr.IPv4 | null {
  const p = address.parts;
  const zeros = (from: number, to: number) => p.slice(from, to).every((x) => x === 0);
  // ::/96 minus :: and ::1, which are IPv6's own unspecified and loopback addresses (RFC 4291).
  const compatible = zeros(0, 6) && p[6] !== 0;
  const wrapper = compatible || (zeros(0, 5) && p[5] === 0xffff) || (zeros(0, 4) && p[4] === 0xffff && p[5] === 0);
  if (!wrapper) return null;
  const [hi = 0, lo = 0] = [p[6], p[7]];
  return new ipaddr.IPv4([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff]);
}

function judged(address: string): ipaddr.IPv4 | ipaddr.IPv6 {
  const parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6') return embeddedIPv4(parsed as ipaddr.IPv6) ?? parsed;
  return parsed;
}

/**
 * Whether an address is an ordinary public unicast address. Everything else is refused: loopback,
 * private (10/8, 172.16/12, 192.168/16, fc00::/7 — which holds fd00:ec2::254), link-local
 * (169.254/16 — cloud metadata at 169.254.169.254 — and fe80::/10), carrier-grade NAT (100.64/10),
 * multicast, broadcast, unspecified, reserved and documentation ranges. An IPv6 form that only wraps an
 * IPv4 address (mapped, compatible, translated) is judged as the IPv4 it carries; NAT64, 6to4 and Teredo
 * are refused.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  return judged(address).range() === 'unicast';
}

/** The range name ipaddr.js gives an address ("loopback", "private", ...), for messages and logs. */
export function rangeOf(address: string): string {
  return ipaddr.isValid(address) ? judged(address).range() : 'invalid';
}
