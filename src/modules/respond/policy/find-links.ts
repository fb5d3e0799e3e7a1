// Links in a reply: http(s) URLs, and bare domains such as acme.example/returns, which
// most networks turn into links too. A bare domain counts when a path follows it or
// its top-level domain is a common one, so "Node.js", "e.g." and "file.txt" are not
// links; e-mail addresses are not links either.

export interface FoundLink {
  start: number;
  end: number;
  /** The host, lowercase and in ASCII (punycode) form, as URL parsing gives it. */
  host: string;
  /** Written with http:// or https://. */
  hasScheme: boolean;
}

const URL_WITH_SCHEME = String.raw`\bhttps?:\/\/[^\s<>"'\x60]+`;
const BARE_DOMAIN = String.raw`(?<![\p{L}\p{N}@.\-_/])(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+(\p{L}{2,63})(?::\d{1,5})?(\/[^\s<>"'\x60]*)?`;
const LINK = new RegExp(`${URL_WITH_SCHEME}|${BARE_DOMAIN}`, 'giu');
/** Sentence punctuation after a link is not part of it. */
const TRAILING_PUNCTUATION = /[.,;:!?'")\]}]+$/;

/** Top-level domains common enough that a bare name.tld is a link even without a path. */
const COMMON_TOP_LEVEL_DOMAINS = new Set([
  'com', 'net', 'org', 'edu', 'gov', 'info', 'biz', 'io', 'co', 'ai', 'app', 'dev', 'me', 'tv', 'ly', 'social', 'shop', 'store', 'online', 'site', 'blog', 'news',
  'uk', 'de', 'fr', 'es', 'it', 'nl', 'be', 'at', 'ch', 'eu', 'ie', 'se', 'no', 'dk', 'fi', 'pl', 'pt', 'us', 'ca', 'au', 'nz', 'jp', 'in', 'br',
  // Reserved for examples and tests (RFC 2606), as in the demo's acme.example.
  'example', 'test',
]);

export function findLinks(text: string): FoundLink[] {
  const links: FoundLink[] = [];
  for (const match of text.matchAll(LINK)) {
    const [written, topLevelDomain, path] = match;
    const hasScheme = topLevelDomain === undefined;
    if (!hasScheme && path === undefined && !COMMON_TOP_LEVEL_DOMAINS.has(topLevelDomain.toLowerCase())) continue;
    const link = written.replace(TRAILING_PUNCTUATION, '');
    const host = hostOf(hasScheme ? link : `http://${link}`);
    if (host) links.push({ start: match.index, end: match.index + link.length, host, hasScheme });
  }
  return links;
}

/** The host the browser would go to: after any user name ("https://acme.example@evil.example" goes to evil.example). */
export function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.replace(/\.$/, '') || undefined;
  } catch {
    return undefined;
  }
}
