// Reads one feed document (RSS 2.0 and 0.9x, RSS 1.0/RDF, Atom 1.0, JSON Feed 1.0/1.1)
// into IncomingPosts. Problems with one item skip that item; a document that is not a
// feed at all raises ConnectorError invalid_response with a message a person can act on.
import { TextDecoder } from 'node:util';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ConnectorError, type IncomingPost, type SkippedItem } from '../connector.ts';
import { decodeEntities, htmlToText, normalizeWhitespace } from '../html-text.ts';

export type FeedFormat = 'RSS' | 'Atom' | 'JSON Feed';

export interface ParsedFeed {
  format: FeedFormat;
  title?: string;
  posts: IncomingPost[];
  skipped: SkippedItem[];
  warnings: string[];
}

/** Parses a fetched body; `feedUrl` is where it was finally fetched from, for relative links. */
export function parseFeed(body: Uint8Array, contentType: string | undefined, feedUrl: string): ParsedFeed {
  const { text, warnings } = decodeBody(body, contentType);
  const trimmed = text.replace(/^\ufeff/, '').trimStart();
  if (trimmed === '') throw invalidResponse('the response is empty');
  let feed: Omit<ParsedFeed, 'warnings'>;
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) feed = parseJsonFeed(trimmed, feedUrl);
  else if (trimmed.startsWith('<')) feed = parseXmlFeed(trimmed, feedUrl);
  else throw invalidResponse(`this is not a feed: the response is neither XML nor JSON${contentType ? ` (Content-Type ${contentType})` : ''}`);
  return { ...feed, warnings };
}

const invalidResponse = (message: string) => new ConnectorError('invalid_response', message);

// ---------------------------------------------------------------------------------
// Bytes to text

/**
 * Decodes by the Content-Type charset, else a byte-order mark, else the XML
 * declaration, else UTF-8 (the XML and JSON default). Invalid bytes are replaced
 * rather than fatal, and reported as a warning so the source's health shows it.
 */
function decodeBody(body: Uint8Array, contentType: string | undefined): { text: string; warnings: string[] } {
  const warnings: string[] = [];
  const fromHeader = /charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? '')?.[1];
  const fromBom = body[0] === 0xfe && body[1] === 0xff ? 'utf-16be' : body[0] === 0xff && body[1] === 0xfe ? 'utf-16le' : undefined;
  const prolog = Buffer.from(body.subarray(0, 200)).toString('latin1');
  const fromDeclaration = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(prolog)?.[1];
  let charset = (fromBom ?? fromHeader ?? fromDeclaration ?? 'utf-8').toLowerCase();
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset, { fatal: true });
  } catch {
    warnings.push(`unknown character encoding "${charset}"; read as UTF-8`);
    charset = 'utf-8';
    decoder = new TextDecoder(charset, { fatal: true });
  }
  try {
    return { text: decoder.decode(body), warnings };
  } catch {
    const text = new TextDecoder(charset).decode(body);
    const replaced = text.match(/\ufffd/g)?.length ?? 0;
    warnings.push(`the feed is not valid ${charset.toUpperCase()}: ${replaced} invalid byte sequence${replaced === 1 ? ' was' : 's were'} replaced with \ufffd`);
    return { text, warnings };
  }
}

// ---------------------------------------------------------------------------------
// XML: RSS and Atom

/** Atom text constructs say their own type (text, html, xhtml), so they are kept raw and decoded here. */
const atomTextElements = ['title', 'subtitle', 'summary', 'content', 'rights'];

const xmlParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  // Feeds bind namespaces to any prefix they like (content:, dc:, atom:, a:); match on local names.
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  // Decodes numeric references at the XML level too; the parser's limits on DOCTYPE entity expansion stay on.
  htmlEntities: true,
  stopNodes: atomTextElements.map((name) => `*.entry.${name}`).concat(['feed.title']),
});

type XmlNode = Record<string, unknown>;

function parseXmlFeed(text: string, feedUrl: string): Omit<ParsedFeed, 'warnings'> {
  if (/^(<!--[\s\S]*?-->\s*)*<!doctype\s+html|^(<!--[\s\S]*?-->\s*)*<html[\s>]/i.test(text)) {
    throw invalidResponse('this is an HTML page, not a feed; use the address of its RSS or Atom feed');
  }
  const validation = XMLValidator.validate(text);
  if (validation !== true) {
    const { msg, line, col } = validation.err;
    if (/^Invalid '\[/.test(msg)) throw invalidResponse('the feed is not well-formed XML: it ends before all its elements are closed (is it truncated?)');
    throw invalidResponse(`the feed is not well-formed XML: ${msg} (line ${line}, column ${col})`);
  }
  let document: XmlNode;
  try {
    document = xmlParser.parse(text) as XmlNode;
  } catch (error) {
    throw invalidResponse(`the feed is not well-formed XML: ${(error as Error).message}`);
  }
  if (isNode(document.rss)) return parseRss(document.rss, feedUrl);
  if (isNode(document.RDF)) return parseRss(document.RDF, feedUrl);
  if (isNode(document.feed)) return parseAtom(document.feed, feedUrl);
  const root = Object.keys(document).find((key) => !key.startsWith('?') && !key.startsWith('#'));
  if (root === 'html') throw invalidResponse('this is an HTML page, not a feed; use the address of its RSS or Atom feed');
  throw invalidResponse(`this XML is not a feed: its root element is <${root ?? 'none'}>, expected <rss>, <rdf:RDF> or <feed>`);
}

function parseRss(root: XmlNode, feedUrl: string): Omit<ParsedFeed, 'warnings'> {
  const channel = isNode(root.channel) ? root.channel : asArray(root.channel).find(isNode) ?? {};
  // RSS 2.0 nests items in <channel>; RSS 1.0 (RDF) puts them beside it.
  const items = [...asArray(channel.item), ...asArray(root.item)];
  const channelLink = absoluteUrl(textOf(channel.link), feedUrl);
  const site = hostOf(channelLink ?? feedUrl);
  const channelLanguage = textOf(channel.language);
  const batch = new Batch();
  items.forEach((item, index) => {
    if (!isNode(item)) return batch.skip({ reason: `item ${index + 1} is empty` });
    const title = htmlOrText(textOf(item.title));
    const link = linkOf(item.link, channelLink ?? feedUrl);
    const guid = textOf(item.guid) ?? attrOf(item, 'about');
    // A permalink guid counts as the link only when it is an absolute URL; "1234" is just an id.
    const guidIsLink = guid !== undefined && attrOf(item.guid, 'isPermaLink') !== 'false' ? absoluteUrl(guid) : undefined;
    const url = link ?? guidIsLink;
    const body = htmlOrText(textOf(item.encoded) ?? textOf(item.description));
    batch.add(index, {
      externalId: guid ?? url,
      text: body || title,
      title,
      url,
      author: rssAuthor(textOf(item.creator) ?? textOf(item.author)),
      language: isoLanguage(textOf(item.language) ?? channelLanguage),
      createdAt: isoDate(textOf(item.pubDate) ?? textOf(item.date) ?? textOf(item.published) ?? textOf(item.updated)),
      site,
      raw: item,
    });
  });
  return { format: 'RSS', title: htmlOrText(textOf(channel.title)), ...batch.result() };
}

function parseAtom(feed: XmlNode, documentUrl: string): Omit<ParsedFeed, 'warnings'> {
  // Relative references resolve against xml:base where given, else the address the document came from.
  const feedUrl = absoluteUrl(attrOf(feed, 'base'), documentUrl) ?? documentUrl;
  const feedLink = atomLink(feed.link, feedUrl);
  const site = hostOf(feedLink ?? feedUrl);
  const feedAuthor = atomAuthor(feed.author, feedUrl);
  const feedLanguage = attrOf(feed, 'lang');
  const batch = new Batch('entry');
  asArray(feed.entry).forEach((entry, index) => {
    if (!isNode(entry)) return batch.skip({ reason: `entry ${index + 1} is empty` });
    const entryBase = absoluteUrl(attrOf(entry, 'base'), feedUrl) ?? feedUrl;
    const title = atomText(entry.title);
    const url = atomLink(entry.link, entryBase);
    const body = atomText(entry.content) || atomText(entry.summary);
    batch.add(index, {
      externalId: textOf(entry.id) ?? url,
      text: body || title,
      title,
      url,
      author: atomAuthor(entry.author, entryBase) ?? feedAuthor,
      language: isoLanguage(attrOf(entry, 'lang') ?? feedLanguage),
      createdAt: isoDate(textOf(entry.published) ?? textOf(entry.updated)),
      inReplyToExternalId: attrOf(asArray(entry['in-reply-to'])[0], 'ref'),
      site,
      raw: entry,
    });
  });
  return { format: 'Atom', title: atomText(feed.title), ...batch.result() };
}

/** An Atom text construct kept raw by the parser: decode XML, then read it by its type. */
function atomText(value: unknown): string | undefined {
  // Several same-named children can appear (e.g. <content> and a namespaced media <content>); take the first with text.
  for (const node of asArray(value)) {
    const raw = typeof node === 'string' ? node : isNode(node) && typeof node['#text'] === 'string' ? node['#text'] : undefined;
    if (raw === undefined) continue;
    const type = (attrOf(node, 'type') ?? 'text').toLowerCase();
    let text: string | undefined;
    if (type === 'xhtml') text = htmlToText(raw);
    else if (type === 'html' || type === 'text/html') text = htmlToText(xmlDecode(raw));
    else if (type === 'text' || type.startsWith('text/')) text = normalizeWhitespace(xmlDecode(raw));
    if (text) return text;
  }
  return undefined;
}

function atomLink(value: unknown, base: string): string | undefined {
  const links = asArray(value).filter(isNode);
  const alternate = links.find((link) => (attrOf(link, 'rel') ?? 'alternate') === 'alternate') ?? links.find((link) => attrOf(link, 'rel') !== 'self');
  return absoluteUrl(attrOf(alternate, 'href'), base);
}

function atomAuthor(value: unknown, base: string): IncomingPost['author'] {
  const author = asArray(value).find(isNode);
  if (!author) return undefined;
  const displayName = textOf(author.name);
  const profileUrl = absoluteUrl(textOf(author.uri), base);
  return displayName || profileUrl ? compact({ displayName, profileUrl }) : undefined;
}

/** RSS <author> is an e-mail address, often with the name in parentheses; dc:creator is a name. */
function rssAuthor(value: string | undefined): IncomingPost['author'] {
  if (!value) return undefined;
  const named = /^\s*\S+@\S+\s*\(([^)]+)\)\s*$/.exec(value)?.[1];
  return { displayName: normalizeWhitespace(decodeEntities(named ?? value)) };
}

/** RSS <link> is text; an atom:link beside it (rel="self") arrives under the same local name. */
function linkOf(value: unknown, base: string): string | undefined {
  for (const node of asArray(value)) {
    if (typeof node === 'string') return absoluteUrl(node, base);
  }
  return atomLink(value, base);
}

// ---------------------------------------------------------------------------------
// JSON Feed

function parseJsonFeed(text: string, feedUrl: string): Omit<ParsedFeed, 'warnings'> {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw invalidResponse(`the feed is not valid JSON: ${(error as Error).message}`);
  }
  if (!isNode(document) || !Array.isArray(document.items)) {
    throw invalidResponse('this JSON is not a JSON Feed: it has no "items" list (see https://jsonfeed.org/version/1.1)');
  }
  const site = hostOf(absoluteUrl(stringOf(document.home_page_url), feedUrl) ?? feedUrl);
  const feedAuthor = jsonAuthor(document.authors ?? document.author, feedUrl);
  const feedLanguage = stringOf(document.language);
  const batch = new Batch();
  document.items.forEach((item: unknown, index: number) => {
    if (!isNode(item)) return batch.skip({ reason: `item ${index + 1} is not an object` });
    const id = typeof item.id === 'number' ? String(item.id) : stringOf(item.id);
    const url = absoluteUrl(stringOf(item.url), feedUrl) ?? absoluteUrl(stringOf(item.external_url), feedUrl);
    const title = stringOf(item.title) ? normalizeWhitespace(stringOf(item.title)!) : undefined;
    const contentText = stringOf(item.content_text);
    const contentHtml = stringOf(item.content_html);
    const body = (contentText ? normalizeWhitespace(contentText) : undefined) || (contentHtml ? htmlToText(contentHtml) : undefined) || normalizeWhitespace(stringOf(item.summary) ?? '');
    batch.add(index, {
      externalId: id ?? url,
      text: body || title,
      title,
      url,
      author: jsonAuthor(item.authors ?? item.author, feedUrl) ?? feedAuthor,
      language: isoLanguage(stringOf(item.language) ?? feedLanguage),
      createdAt: isoDate(stringOf(item.date_published) ?? stringOf(item.date_modified)),
      site,
      raw: item,
    });
  });
  return { format: 'JSON Feed', title: stringOf(document.title), ...batch.result() };
}

function jsonAuthor(value: unknown, base: string): IncomingPost['author'] {
  const author = asArray(value).find(isNode);
  if (!author) return undefined;
  const displayName = stringOf(author.name);
  const profileUrl = absoluteUrl(stringOf(author.url), base);
  return displayName || profileUrl ? compact({ displayName, profileUrl }) : undefined;
}

// ---------------------------------------------------------------------------------
// Shared

type Candidate = Omit<IncomingPost, 'externalId' | 'text'> & { externalId: string | undefined; text: string | undefined };

/** Collects posts, skipping items without an identity or text and repeats within one document. */
class Batch {
  private readonly posts: IncomingPost[] = [];
  private readonly skipped: SkippedItem[] = [];
  private readonly ids = new Set<string>();
  /** What the format calls its items, for messages. */
  private readonly noun: 'item' | 'entry';

  constructor(noun: 'item' | 'entry' = 'item') {
    this.noun = noun;
  }

  skip(item: SkippedItem): void {
    this.skipped.push(item);
  }

  add(index: number, candidate: Candidate): void {
    const label = `${this.noun} ${index + 1}${candidate.title ? ` ("${candidate.title.slice(0, 80)}")` : ''}`;
    const externalId = candidate.externalId?.trim();
    if (!externalId) return this.skip({ reason: `${label} has no id and no link, so it cannot be told apart from other ${this.noun === 'entry' ? 'entries' : 'items'}` });
    if (!candidate.text) return this.skip({ reason: `${label} has no text: no title, description or content`, externalId });
    if (this.ids.has(externalId)) return this.skip({ reason: `${label} repeats the id of an earlier ${this.noun} in the same feed`, externalId });
    this.ids.add(externalId);
    this.posts.push(compact({ ...candidate, externalId, text: candidate.text }) as IncomingPost);
  }

  result(): { posts: IncomingPost[]; skipped: SkippedItem[] } {
    return { posts: this.posts, skipped: this.skipped };
  }
}

function isNode(value: unknown): value is XmlNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** The text of an element: a string, or '#text' when it has attributes; the first non-empty one when repeated. */
function textOf(value: unknown): string | undefined {
  for (const node of asArray(value)) {
    const text = typeof node === 'string' || typeof node === 'number' ? String(node) : isNode(node) ? textOf(node['#text']) : undefined;
    if (text?.trim()) return text.trim();
  }
  return undefined;
}

function attrOf(node: unknown, name: string): string | undefined {
  if (!isNode(node)) return undefined;
  const value = node[`@_${name}`];
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value : undefined;
}

/** RSS titles and descriptions are HTML in practice (escaped or in CDATA). */
function htmlOrText(value: string | undefined): string | undefined {
  return value === undefined ? undefined : htmlToText(value) || undefined;
}

/** Decodes XML character data that the parser kept raw: CDATA sections as they are, references elsewhere. */
function xmlDecode(raw: string): string {
  return raw
    .split(/(<!\[CDATA\[[\s\S]*?\]\]>)/)
    .map((part) => (part.startsWith('<![CDATA[') ? part.slice(9, -3) : decodeEntities(part)))
    .join('');
}

/** Only http(s) links are kept, so a javascript: or data: URL in a feed never reaches the UI. */
function absoluteUrl(value: string | undefined, base?: string): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname || undefined;
  } catch {
    return undefined;
  }
}

/** RFC 822 (RSS), RFC 3339 (Atom, JSON Feed) and W3C-DTF (dc:date) all parse with Date; anything else is dropped. */
function isoDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const time = Date.parse(value.trim());
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** 'en-US', 'en_us' and 'EN' become 'en'; a tag without a two-letter primary language is dropped. */
function isoLanguage(value: string | undefined): string | undefined {
  const primary = value?.trim().toLowerCase().split(/[-_]/)[0];
  return primary && /^[a-z]{2}$/.test(primary) ? primary : undefined;
}

function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
