// What a feed item says about the story it becomes: its key (the guid, else the link),
// link, title, a short summary and an image, all from the item itself: pages are not
// fetched one by one, so a feed of fifty posts costs one request. And which items
// become stories on a poll: new ones, dated since the poll's start, newest first,
// a bounded number, so adding a feed with a long history does not flood the leads.
import type { IncomingPost } from '../../../connectors/index.ts';

export interface FeedItemStory {
  /** The item's guid or id, else its link: a feed item becomes one story, however often it is read. */
  key: string;
  url: string;
  title: string;
  summary: string;
  imageUrl: string | null;
  publishedAt: Date | null;
}

const TITLE_CHARS = 500;
const SUMMARY_CHARS = 300;

/** The story an item makes, or null when it has no link to share. */
export function storyOfFeedItem(post: IncomingPost): FeedItemStory | null {
  if (!post.url) return null;
  const title = post.title?.trim() || excerpt(post.text, 120);
  const summary = post.text.trim() === title ? '' : excerpt(post.text, SUMMARY_CHARS);
  const publishedAt = post.createdAt ? new Date(post.createdAt) : null;
  return { key: post.externalId, url: post.url, title: title.slice(0, TITLE_CHARS), summary, imageUrl: imageOfFeedItem(post.raw, post.url), publishedAt };
}

/** The text up to `limit` characters, cut at a word where one is near, with an ellipsis when cut. */
function excerpt(text: string, limit: number): string {
  const trimmed = text.trim();
  if (trimmed.length <= limit) return trimmed;
  const cut = trimmed.slice(0, limit - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > limit * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

type Node = Record<string, unknown>;
const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);
const listOf = (value: unknown): unknown[] => (value === undefined || value === null ? [] : Array.isArray(value) ? value : [value]);
const stringOf = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
const isImageType = (type: unknown) => typeof type === 'string' && type.toLowerCase().startsWith('image/');

/**
 * The item's image, in the order publishers mean it: JSON Feed's image and banner,
 * Media RSS thumbnails and image content (also inside media:group), image enclosures
 * (RSS <enclosure>, Atom rel="enclosure", JSON Feed attachments), else the first
 * <img> of its content. `raw` is the item as the feed parser kept it (XML by local
 * names, attributes as `@_name`; JSON as is). Only http(s) addresses are kept.
 */
export function imageOfFeedItem(raw: unknown, base: string): string | null {
  if (!isNode(raw)) return null;
  for (const candidate of imageCandidates(raw)) {
    const url = httpUrl(candidate, base);
    if (url) return url;
  }
  return null;
}

function* imageCandidates(item: Node): Generator<string | undefined> {
  yield stringOf(item.image);
  yield stringOf(item.banner_image);
  for (const holder of [item, ...listOf(item.group).filter(isNode)]) {
    for (const thumbnail of listOf(holder.thumbnail).filter(isNode)) yield stringOf(thumbnail['@_url']);
    for (const media of listOf(holder.content).filter(isNode)) {
      if (media['@_medium'] === 'image' || isImageType(media['@_type'])) yield stringOf(media['@_url']);
    }
  }
  for (const enclosure of listOf(item.enclosure).filter(isNode)) if (isImageType(enclosure['@_type'])) yield stringOf(enclosure['@_url']);
  for (const link of listOf(item.link).filter(isNode)) if (link['@_rel'] === 'enclosure' && isImageType(link['@_type'])) yield stringOf(link['@_href']);
  for (const attachment of listOf(item.attachments).filter(isNode)) if (isImageType(attachment.mime_type)) yield stringOf(attachment.url);
  for (const html of [item.content_html, item.encoded, item.content, item.description, item.summary]) {
    for (const node of listOf(html)) {
      const text = typeof node === 'string' ? node : isNode(node) ? stringOf(node['#text']) : undefined;
      const src = text ? firstImageSource(text) : undefined;
      if (src) yield src;
    }
  }
}

/** The src of the first <img> in HTML, also where the HTML is still escaped (Atom content kept raw by the parser). */
function firstImageSource(html: string): string | undefined {
  const unescaped = html.includes('&lt;') ? html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;|&apos;/g, "'") : html;
  const src = /<img\b[^>]*?\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i.exec(unescaped);
  return (src?.[1] ?? src?.[2] ?? src?.[3])?.replace(/&amp;/g, '&');
}

function httpUrl(value: string | undefined, base: string): string | null {
  if (!value) return null;
  try {
    const url = new URL(value, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

export interface ItemChoice {
  chosen: FeedItemStory[];
  /** Items that are stories already. */
  known: number;
  /** Items left out: no link, no date, published before `since`, or beyond the limit. */
  leftOut: number;
}

/**
 * The items that become stories: not known yet, dated `since` or later, newest first,
 * at most `limit`. An item without a date is left out: nothing tells a new post from
 * one years old, and taking them would bring a feed's whole history in.
 */
export function chooseNewItems(items: (FeedItemStory | null)[], known: ReadonlySet<string>, since: Date, limit: number): ItemChoice {
  const usable = items.filter((item): item is FeedItemStory => item !== null);
  const fresh = usable.filter((item) => !known.has(item.key));
  const eligible = fresh.filter((item) => item.publishedAt !== null && item.publishedAt >= since)
    .sort((a, b) => b.publishedAt!.getTime() - a.publishedAt!.getTime());
  const chosen = eligible.slice(0, limit);
  const knownCount = usable.length - fresh.length;
  return { chosen, known: knownCount, leftOut: items.length - knownCount - chosen.length };
}
