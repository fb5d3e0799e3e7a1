// What the public page and both feeds say, whatever their format: the title, where
// each lives, the items and how an item is described ("Replied on Mastodon", "Shared
// on LinkedIn: <story>"), and text made safe to put inside HTML or XML.
import type { VoiceItem } from './voice-items.ts';

export interface VoiceDocument {
  orgName: string;
  title: string;
  description: string;
  urls: { page: string; atom: string; json: string };
  items: VoiceItem[];
  /** The newest item's time, else the organization's creation: stable, so caches can validate. */
  updated: Date;
  /** The page of older items, on the HTML page. */
  older: string | null;
}

const networkNames: Record<string, string> = { mastodon: 'Mastodon', bluesky: 'Bluesky', linkedin: 'LinkedIn', x: 'X', facebook: 'Facebook' };
const networkName = (network: string) => networkNames[network] ?? 'the web';

export const actionOf = (item: VoiceItem) => (item.kind === 'reply' ? `Replied on ${networkName(item.network)}` : `Shared on ${networkName(item.network)}`);

/** What happened, in a line: "Shared on LinkedIn: Spring at Acme". */
export const summaryOf = (item: VoiceItem) => `${actionOf(item)}${item.story ? `: ${item.story.title}` : ''}`;

/** A one-line title: who, and the start of what they said. */
export function headlineOf(item: VoiceItem): string {
  const text = item.text.replace(/\s+/g, ' ').trim();
  const start = [...text].length > 80 ? `${[...text].slice(0, 79).join('')}…` : text;
  return `${item.personName}: ${start}`;
}

// Characters XML 1.0 does not allow at all (most control characters, lone surrogates, U+FFFE/U+FFFF): dropped, or the feed would not parse.
// eslint-disable-next-line no-control-regex -- control characters are exactly what this drops
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&#39;' };

/** Text for HTML or XML content and attribute values. */
export const escapeMarkup = (text: string) => text.replace(NOT_XML, '').replace(/[&<>"']/g, (char) => ESCAPES[char]!);

/** Only web addresses become links: a `javascript:` or `data:` address typed somewhere must never be one. */
export const isWebAddress = (url: string) => /^https?:\/\//i.test(url);
