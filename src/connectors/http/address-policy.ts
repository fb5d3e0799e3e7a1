// Which IP addresses a connector may reach: public unicast only, unless an operator
// allow-lists a host, address or range (tests allow 127.0.0.1; an intranet feed its host).
import ipaddr from 'ipaddr.js';

type Address = ipaddr.IPv4 | ipaddr.IPv6;

const rangeWords: Record<string, string> = {
  unspecified: 'an unspecified address',
  broadcast: 'a broadcast address',
  multicast: 'a multicast address',
  linkLocal: 'a link-local address (this includes cloud metadata services)',
  loopback: 'a loopback address (this machine)',
  carrierGradeNat: 'a carrier-grade NAT address',
  private: 'a private network address',
  uniqueLocal: 'a unique-local IPv6 address',
  deprecatedSiteLocal: 'a site-local IPv6 address',
};

/** NAT64 (64:ff9b::/96) carries an IPv4 address in its last 32 bits; judge that address. */
const nat64 = ipaddr.parseCIDR('64:ff9b::/96');

export class AddressPolicy {
  private readonly hosts = new Set<string>();
  private readonly ranges: [Address, number][] = [];

  constructor(allowList: string[] = []) {
    for (const entry of allowList) {
      const value = entry.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1');
      if (value.includes('/')) this.ranges.push(ipaddr.parseCIDR(value));
      else if (ipaddr.isValid(value)) this.ranges.push([ipaddr.parse(value), ipaddr.parse(value).kind() === 'ipv4' ? 32 : 128]);
      else this.hosts.add(value);
    }
  }

  /** Whether the operator allow-listed this host name. */
  allowsHost(hostname: string): boolean {
    return this.hosts.has(hostname.toLowerCase());
  }

  /** Why the address may not be reached, or undefined when it may. */
  refusal(address: string): string | undefined {
    let parsed: Address;
    try {
      parsed = ipaddr.parse(address);
    } catch {
      return 'not a valid IP address';
    }
    if (this.isAllowListed(parsed)) return undefined;
    const judged = embeddedIpv4(parsed) ?? parsed;
    if (judged !== parsed && this.isAllowListed(judged)) return undefined;
    const range = judged.range();
    if (range === 'unicast') return undefined;
    return rangeWords[range] ?? `a reserved address (${range})`;
  }

  private isAllowListed(address: Address): boolean {
    return this.ranges.some(([base, bits]) => base.kind() === address.kind() && address.match(base, bits));
  }
}

function embeddedIpv4(address: Address): ipaddr.IPv4 | undefined {
  if (address.kind() !== 'ipv6') return undefined;
  const v6 = address as ipaddr.IPv6;
  if (v6.isIPv4MappedAddress()) return v6.toIPv4Address();
  if (v6.match(nat64)) {
    const bytes = v6.toByteArray().slice(12);
    return new ipaddr.IPv4(bytes);
  }
  return undefined;
}
