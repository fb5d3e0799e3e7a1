// The story's URL as a share's link leads to it: the site's analytics see which
// network, campaign (story) and share brought the visitor through the UTM tags.

export interface UtmTags {
  /** The network shared to, e.g. linkedin. */
  source: string;
  /** How it was spread, e.g. employee-share. */
  medium: string;
  /** The story (its id or slug). */
  campaign: string;
  /** The share, to tell one person's post from another's. */
  content?: string;
}

const keyOf = (pair: string) => {
  const raw = pair.split('=', 1)[0]!;
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' ')).toLowerCase();
  } catch {
    return raw.toLowerCase();
  }
};

/**
 * Adds utm_source, utm_medium, utm_campaign and utm_content (when given) to the URL. The
 * rest of the query is kept byte for byte, in order, and the fragment too; a UTM key the
 * story's URL already has is replaced rather than repeated, since analytics read only one.
 */
export function withUtmTags(url: URL, utm: UtmTags): string {
  const tags: [string, string][] = [['utm_source', utm.source], ['utm_medium', utm.medium], ['utm_campaign', utm.campaign]];
  if (utm.content !== undefined) tags.push(['utm_content', utm.content]);
  const replaced = new Set(tags.map(([key]) => key));
  const kept = url.search.slice(1).split('&').filter((pair) => pair !== '' && !replaced.has(keyOf(pair)));
  const added = tags.map(([key, value]) => `${key}=${encodeURIComponent(value)}`);
  // An empty query (`https://a/?#x`) leaves its `?` in href but not in search.
  const beforeQuery = url.href.slice(0, url.href.length - url.search.length - url.hash.length).replace(/\?$/, '');
  return `${beforeQuery}?${[...kept, ...added].join('&')}${url.hash}`;
}
