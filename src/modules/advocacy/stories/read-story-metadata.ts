// What a story's page says about itself: title, summary, image and site name from its
// Open Graph tags (twitter: tags and <title> as fallbacks), and from its oEmbed
// document when the page links one. Fetched through the SSRF guard, which refuses
// private addresses, caps the size and the number of redirects; every refusal has a
// reason code the UI can show next to the URL field.
import type { GuardedHttp } from '../../../connectors/index.ts';
import { GuardedHttpError, htmlToText } from '../../../connectors/index.ts';
import { AppError } from '../../../errors.ts';

export interface StoryMetadata {
  /** The page's own address after redirects (og:url when it names one on the same site). */
  url: string;
  title: string;
  summary: string;
  imageUrl: string | null;
  siteName: string | null;
}

export const storyUrlRefusals = ['bad_url', 'blocked_address', 'too_many_redirects', 'too_large', 'timeout', 'unreachable', 'http_error', 'not_html', 'no_title'] as const;
export type StoryUrlRefusal = (typeof storyUrlRefusals)[number];

/** A story URL that cannot be used, with the reason as a code (`details.reason` in the API's error). */
export function storyUrlRefused(reason: StoryUrlRefusal, message: string): AppError {
  return new AppError('BAD_REQUEST', `The story's page cannot be used: ${message}.`, { field: 'body.url', reason });
}

const HTML_TYPES = ['text/html', 'application/xhtml+xml'];
/** Only the head matters; reading further only costs time on huge pages. */
const HEAD_CHARS = 512 * 1024;

export async function readStoryMetadata(http: GuardedHttp, url: string): Promise<StoryMetadata> {
  const page = await fetchPage(http, url);
  const head = page.text.slice(0, HEAD_CHARS);
  const tags = metaTagsOf(head);
  const oembed = await readOEmbed(http, oembedLinkOf(head, page.url));
  const title = tags.get('og:title') ?? tags.get('twitter:title') ?? oembed.title ?? titleElementOf(head);
  if (!title) throw storyUrlRefused('no_title', 'the page has no title (no og:title, twitter:title, oEmbed title or <title>)');
  const image = tags.get('og:image') ?? tags.get('og:image:url') ?? tags.get('twitter:image') ?? oembed.thumbnailUrl;
  return {
    url: page.url,
    title: title.slice(0, 500),
    summary: (tags.get('og:description') ?? tags.get('twitter:description') ?? tags.get('description') ?? '').slice(0, 2000),
    imageUrl: image ? absoluteHttpUrl(image, page.url) : null,
    siteName: tags.get('og:site_name') ?? oembed.providerName ?? null,
  };
}

async function fetchPage(http: GuardedHttp, url: string): Promise<{ url: string; text: string }> {
  let response;
  try {
    response = await http.get(url, { headers: { accept: `${HTML_TYPES.join(', ')}, */*;q=0.1` } });
  } catch (error) {
    throw refusalOf(error);
  }
  if (response.status >= 400) throw storyUrlRefused('http_error', `${new URL(response.url).host} answered ${response.status}`);
  if (response.status >= 300) throw storyUrlRefused('http_error', `${new URL(response.url).host} answered ${response.status} without a place to go`);
  const type = (response.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (!HTML_TYPES.includes(type)) throw storyUrlRefused('not_html', `it is ${type || 'of no declared type'}, not a web page`);
  return { url: response.url, text: response.bodyText };
}

function refusalOf(error: unknown): AppError {
  if (!(error instanceof GuardedHttpError)) throw error;
  switch (error.failure) {
    case 'bad_url': return storyUrlRefused('bad_url', error.message);
    case 'blocked_address': return storyUrlRefused('blocked_address', `it points inside a private network (${error.message})`);
    // The guard follows each hop itself and stops at its limit, which is also what ends a redirect loop.
    case 'too_many_redirects': return storyUrlRefused('too_many_redirects', `it redirects too often, or in a loop (${error.message})`);
    case 'too_large': return storyUrlRefused('too_large', `the page is too large (${error.message})`);
    case 'timeout': return storyUrlRefused('timeout', error.message);
    case 'network':
    case 'bad_encoding': return storyUrlRefused('unreachable', error.message);
  }
}

/** Attributes of every tag named `tag` in the HTML, lower-case names, entities decoded. */
function tagsNamed(html: string, tag: string): Map<string, string>[] {
  const found: Map<string, string>[] = [];
  for (const [, attributes] of html.matchAll(new RegExp(`<${tag}\\b([^>]*)>`, 'gi'))) {
    const map = new Map<string, string>();
    for (const [, name, double, single, bare] of attributes!.matchAll(/([^\s=/"']+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g)) {
      map.set(name!.toLowerCase(), htmlToText(double ?? single ?? bare ?? ''));
    }
    found.push(map);
  }
  return found;
}

/** og:*, twitter:* and description, by property or name; the first of each wins, as crawlers read them. */
function metaTagsOf(html: string): Map<string, string> {
  const tags = new Map<string, string>();
  for (const meta of tagsNamed(html, 'meta')) {
    const key = (meta.get('property') ?? meta.get('name'))?.toLowerCase();
    const content = meta.get('content')?.trim();
    if (key && content && !tags.has(key)) tags.set(key, content);
  }
  return tags;
}

function titleElementOf(html: string): string | null {
  const inner = /<title\b[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1];
  const title = inner === undefined ? '' : htmlToText(inner).trim();
  return title || null;
}

function oembedLinkOf(html: string, pageUrl: string): string | null {
  const link = tagsNamed(html, 'link').find((attributes) => attributes.get('rel')?.toLowerCase().split(/\s+/).includes('alternate')
    && attributes.get('type')?.toLowerCase() === 'application/json+oembed' && attributes.get('href'));
  return link ? absoluteHttpUrl(link.get('href')!, pageUrl) : null;
}

interface OEmbedFields { title?: string; thumbnailUrl?: string; providerName?: string }

/** The oEmbed document's title, thumbnail and provider; a broken one costs the story nothing, the page's own tags still count. */
async function readOEmbed(http: GuardedHttp, url: string | null): Promise<OEmbedFields> {
  if (!url) return {};
  try {
    const response = await http.get(url, { headers: { accept: 'application/json' } });
    if (response.status !== 200) return {};
    const document = JSON.parse(response.bodyText) as Record<string, unknown>;
    const text = (key: string) => (typeof document[key] === 'string' && document[key] ? document[key] : undefined);
    return { title: text('title'), thumbnailUrl: text('thumbnail_url'), providerName: text('provider_name') };
  } catch (error) {
    if (error instanceof GuardedHttpError || error instanceof SyntaxError) return {};
    throw error;
  }
}

function absoluteHttpUrl(raw: string, base: string): string | null {
  try {
    const url = new URL(raw, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
