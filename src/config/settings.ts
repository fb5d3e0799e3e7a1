// The catalogue of every setting Herd reads from the environment: its variable, its
// default, its unit and one sentence on what it does. `herd config` prints it and
// docs/configuration.md is generated from it, so this file is the single source.
import ipaddr from 'ipaddr.js';
import { decodeSecretKey } from '../secrets/index.ts';

export interface Setting<T> {
  env: string;
  default: string | undefined;
  unit: string;
  doc: string;
  parse: (raw: string) => T;
}

const integer = (min: number, max: number) => (raw: string) => {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
};

const boolean = (raw: string) => {
  if (['true', '1', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['false', '0', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new Error(`must be true or false, got "${raw}"`);
};

const text = (raw: string) => raw;

/** A comma-separated list, its entries trimmed, empty ones dropped. */
const list = (raw: string) => raw.split(',').map((entry) => entry.trim()).filter(Boolean);

const oneOf = <T extends string>(...allowed: T[]) => (raw: string) => {
  if (!(allowed as string[]).includes(raw)) throw new Error(`must be one of ${allowed.join(', ')}, got "${raw}"`);
  return raw as T;
};

const url = (...protocols: string[]) => (raw: string) => {
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new Error(`must be a URL, got "${raw.replace(/^([a-z][a-z0-9+.-]*:\/\/)?.*@/i, '$1***@')}"`);
  }
  if (!protocols.includes(parsed.protocol)) throw new Error(`must start with ${protocols.join(' or ')}`);
  return raw;
};

/** Checked here so a bad key stops the start; kept as given (it is decoded where it is used) and never echoed. */
const secretKey = (raw: string) => {
  decodeSecretKey(raw);
  return raw;
};

/** The ranges proxy-addr (Fastify's trustProxy) names, beside addresses and CIDR ranges. */
const NAMED_RANGES = ['loopback', 'linklocal', 'uniquelocal'];
const proxyAddresses = (raw: string): string[] => {
  const entries = list(raw);
  for (const entry of entries) {
    const valid = NAMED_RANGES.includes(entry) || (entry.includes('/') ? ipaddr.isValidCIDR(entry) : ipaddr.isValid(entry));
    if (!valid) throw new Error(`must list IP addresses, CIDR ranges or ${NAMED_RANGES.join(', ')}; "${entry}" is none of them`);
  }
  return entries;
};

export type ProcessRole = 'api' | 'worker';
const roles = (raw: string): ProcessRole[] => {
  const entries = list(raw);
  const unknown = entries.filter((r) => r !== 'api' && r !== 'worker');
  if (entries.length === 0 || unknown.length > 0) throw new Error(`must list api and/or worker, got "${raw}"`);
  return entries as ProcessRole[];
};

export const settings = {
  port: { env: 'HERD_PORT', default: '3000', unit: 'TCP port', doc: 'Port the HTTP server listens on.', parse: integer(0, 65535) },
  host: { env: 'HERD_HOST', default: '127.0.0.1', unit: 'address', doc: 'Address the HTTP server binds to; 0.0.0.0 to accept connections from other machines.', parse: text },
  publicUrl: { env: 'HERD_PUBLIC_URL', default: 'http://localhost:3000', unit: 'URL', doc: 'Address people use to reach Herd; used in e-mails and to decide whether cookies are Secure.', parse: url('http:', 'https:') },
  roles: { env: 'HERD_ROLES', default: 'api,worker', unit: 'list', doc: 'What this process runs: api (HTTP and web app), worker (background work), or both.', parse: roles },
  dataDir: { env: 'HERD_DATA_DIR', default: './.herd', unit: 'path', doc: 'Folder for the embedded database (PGlite) and other local state; unused when DATABASE_URL is set.', parse: text },
  databaseUrl: { env: 'DATABASE_URL', default: undefined, unit: 'URL', doc: 'A PostgreSQL server (postgres://user@host:port/db); when unset Herd uses the embedded PGlite database in HERD_DATA_DIR.', parse: url('postgres:', 'postgresql:') },
  databasePoolSize: { env: 'HERD_DATABASE_POOL_SIZE', default: '10', unit: 'connections', doc: 'Most connections this process opens to a PostgreSQL server.', parse: integer(1, 500) },
  seedDemo: { env: 'HERD_SEED_DEMO', default: 'true', unit: 'boolean', doc: 'Seed the "Acme Retail" demo organization when the database has no organization yet.', parse: boolean },
  logLevel: { env: 'HERD_LOG_LEVEL', default: 'info', unit: 'level', doc: 'Least severe log level written: fatal, error, warn, info, debug or trace.', parse: oneOf('fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent') },
  bodyLimitBytes: { env: 'HERD_BODY_LIMIT_BYTES', default: String(1024 * 1024), unit: 'bytes', doc: 'Largest JSON request body accepted; larger ones get 413.', parse: integer(1024, 1024 ** 3) },
  importLimitBytes: { env: 'HERD_IMPORT_LIMIT_BYTES', default: String(20 * 1024 * 1024), unit: 'bytes', doc: 'Largest uploaded import file (CSV) accepted; larger ones get 413.', parse: integer(1024, 1024 ** 3) },
  trustProxy: { env: 'HERD_TRUST_PROXY', default: '', unit: 'list', doc: 'Reverse proxies in front of Herd, as IP addresses, CIDR ranges or loopback, linklocal, uniquelocal (comma-separated): a request through them is taken to come from the client their X-Forwarded-For names (sign-in throttling, link visits). Empty trusts no proxy, so the header is ignored.', parse: proxyAddresses },
  sessionIdleMinutes: { env: 'HERD_SESSION_IDLE_MINUTES', default: '720', unit: 'minutes', doc: 'A session that is not used for this long expires.', parse: integer(1, 60 * 24 * 90) },
  sessionMaxHours: { env: 'HERD_SESSION_MAX_HOURS', default: '168', unit: 'hours', doc: 'A session expires this long after sign-in, however much it is used.', parse: integer(1, 24 * 365) },
  loginMaxFailures: { env: 'HERD_LOGIN_MAX_FAILURES', default: '5', unit: 'attempts', doc: 'Failed sign-ins for one e-mail address (or 4x as many from one IP address) before sign-in is locked.', parse: integer(1, 1000) },
  loginLockMinutes: { env: 'HERD_LOGIN_LOCK_MINUTES', default: '15', unit: 'minutes', doc: 'How long sign-in stays locked, and the window in which failures are counted.', parse: integer(1, 24 * 60) },
  fetchAllowHosts: { env: 'HERD_FETCH_ALLOW_HOSTS', default: '', unit: 'list', doc: 'Host names, IP addresses or CIDR ranges that feeds and instances may be fetched or streamed (WebSockets) from even though they are private or loopback (comma-separated); empty allows public addresses only.', parse: list },
  fetchTimeoutMs: { env: 'HERD_FETCH_TIMEOUT_MS', default: '15000', unit: 'milliseconds', doc: 'Longest wait for a response when fetching a feed or calling a network API.', parse: integer(100, 600_000) },
  fetchMaxBytes: { env: 'HERD_FETCH_MAX_BYTES', default: String(5 * 1024 * 1024), unit: 'bytes', doc: 'Largest response accepted from a feed or network API; larger ones are refused.', parse: integer(1024, 1024 ** 3) },
  smtpPort: { env: 'HERD_SMTP_PORT', default: undefined, unit: 'TCP port', doc: 'Port a worker receives e-mail for e-mail sources on (SMTP, bound to HERD_HOST, messages up to 10 MB); unset runs no mail listener.', parse: integer(0, 65535) },
  mailUrl: { env: 'HERD_MAIL_URL', default: undefined, unit: 'URL', doc: 'SMTP server Herd sends notification e-mail through (smtp://user:password@host:port, or smtps:// for TLS from the start); unset sends no e-mail.', parse: url('smtp:', 'smtps:') },
  mailFrom: { env: 'HERD_MAIL_FROM', default: 'Herd <herd@localhost>', unit: 'address', doc: 'Sender of notification e-mail, as "Name <address>" or a bare address.', parse: text },
  secretKey: { env: 'HERD_SECRET_KEY', default: undefined, unit: 'key', doc: 'Key that encrypts the credentials people connect (Mastodon tokens, Bluesky app passwords): 32 random bytes as base64 or 64 hex digits, the same on every process. Unset on PGlite, a key is made once in HERD_DATA_DIR (herd-secret.key, mode 0600); unset with DATABASE_URL, connecting an account is refused.', parse: secretKey },
  passwordCost: { env: 'HERD_PASSWORD_COST', default: '15', unit: 'log2 of scrypt N', doc: 'Work factor for new password hashes (scrypt N = 2^cost, r = 8, p = 1); existing hashes keep the cost they were made with.', parse: integer(10, 20) },
} satisfies Record<string, Setting<unknown>>;

type Settings = typeof settings;
export type Config = { [K in keyof Settings]: ReturnType<Settings[K]['parse']> | (Settings[K]['default'] extends string ? never : undefined) };
