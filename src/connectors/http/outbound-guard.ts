// What the guarded HTTP client and the guarded WebSocket opener share: the error they
// raise, and the one address check (every address a host resolves to must be public
// or allow-listed; the connection then goes to the exact address that was checked).
import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { ConnectorError, type ConnectorErrorKind } from '../connector.ts';
import type { AddressPolicy } from './address-policy.ts';

export type GuardedHttpFailure = 'bad_url' | 'blocked_address' | 'too_many_redirects' | 'too_large' | 'timeout' | 'network' | 'bad_encoding';

const failureKinds: Record<GuardedHttpFailure, ConnectorErrorKind> = {
  bad_url: 'forbidden',
  blocked_address: 'forbidden',
  too_many_redirects: 'invalid_response',
  too_large: 'invalid_response',
  bad_encoding: 'invalid_response',
  timeout: 'unavailable',
  network: 'unavailable',
};

/** A ConnectorError raised by the guarded clients themselves; `failure` says exactly what went wrong. */
export class GuardedHttpError extends ConnectorError {
  readonly failure: GuardedHttpFailure;

  constructor(failure: GuardedHttpFailure, message: string, cause?: unknown) {
    super(failureKinds[failure], message, { cause });
    this.name = 'GuardedHttpError';
    this.failure = failure;
  }
}

export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Resolves a host name to all its addresses; injectable so tests need no DNS. */
export type Resolve = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolve: Resolve = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/** The one address to connect to for a bare host name (no brackets), after checking every address it resolves to. */
export async function checkedAddress(hostname: string, policy: AddressPolicy, resolve: Resolve): Promise<ResolvedAddress> {
  if (isIP(hostname)) {
    const refusal = policy.refusal(hostname);
    if (refusal) throw new GuardedHttpError('blocked_address', `refused to connect to ${hostname}: it is ${refusal}`);
    return { address: hostname, family: isIP(hostname) };
  }
  let addresses: ResolvedAddress[];
  try {
    addresses = await resolve(hostname);
  } catch (error) {
    throw new GuardedHttpError('network', `cannot resolve ${hostname}: ${(error as Error).message}`, error);
  }
  if (addresses.length === 0) throw new GuardedHttpError('network', `cannot resolve ${hostname}: no addresses`);
  if (!policy.allowsHost(hostname)) {
    // One bad address refuses the host: a name mixing public and internal addresses is an attack or a mistake.
    for (const { address } of addresses) {
      const refusal = policy.refusal(address);
      if (refusal) throw new GuardedHttpError('blocked_address', `refused to connect to ${hostname}: it resolves to ${address}, ${refusal}`);
    }
  }
  return addresses[0]!;
}

/** The URL's host name without the brackets of an IPv6 literal. */
export function bareHostname(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

export function withoutUndefined(headers: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter((entry): entry is [string, string] => entry[1] !== undefined));
}
