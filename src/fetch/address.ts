import ipaddr from 'ipaddr.js';

/**
 * Whether an address is an ordinary public unicast address. Everything else is refused: loopback,
 * private (10/8, 172.16/12, 192.168/16, fc00::/7 — which holds fd00:ec2::254), link-local
 * (169.254/16 — cloud metadata at 169.254.169.254 — and fe80::/10), carrier-grade NAT (100.64/10),
 * multicast, broadcast, unspecified, reserved and documentation ranges, and IPv6 forms that embed an
 * IPv4 address (mapped ::ffff:a.b.c.d is judged as the IPv4 it carries; NAT64, 6to4 and Teredo are refused).
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  // process() turns ::ffff:127.0.0.1 into 127.0.0.1, so a mapped form cannot slip past the IPv4 checks.
  const parsed = ipaddr.process(address);
  return parsed.range() === 'unicast';
}

/** The range name ipaddr.js gives an address ("loopback", "private", ...), for messages and logs. */
export function rangeOf(address: string): string {
  return ipaddr.isValid(address) ? ipaddr.process(address).range() : 'invalid';
}
