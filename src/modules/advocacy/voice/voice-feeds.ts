// The company's voice as feeds: Atom 1.0 (RFC 4287) and JSON Feed 1.1, the newest
// items, each with its author, where it was published, when, and its text as plain text.
import { escapeMarkup as e, headlineOf, isWebAddress, summaryOf, type VoiceDocument } from './voice-document.ts';
import type { VoiceItem } from './voice-items.ts';

/** Item ids are UUIDs, and stay the same however often the feed is read. */
const entryId = (item: VoiceItem) => `urn:uuid:${item.id}`;

function atomEntry(item: VoiceItem): string {
  const at = item.publishedAt.toISOString();
  return `  <entry>
    <id>${entryId(item)}</id>
    <title type="text">${e(headlineOf(item))}</title>
    <updated>${at}</updated>
    <published>${at}</published>
    <author><name>${e(item.personName)}</name></author>
${isWebAddress(item.url) ? `    <link rel="alternate" href="${e(item.url)}"/>\n` : ''}${item.spokeName ? `    <category term="${e(item.spokeName)}"/>\n` : ''}    <summary type="text">${e(summaryOf(item))}</summary>
    <content type="text">${e(item.text)}</content>
  </entry>`;
}

export function atomFeed(document: VoiceDocument): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${e(document.urls.page)}</id>
  <title type="text">${e(document.title)}</title>
  <subtitle type="text">${e(document.description)}</subtitle>
  <updated>${document.updated.toISOString()}</updated>
  <link rel="self" type="application/atom+xml" href="${e(document.urls.atom)}"/>
  <link rel="alternate" type="text/html" href="${e(document.urls.page)}"/>
  <author><name>${e(document.orgName)}</name></author>
  <generator>Herd</generator>
${document.items.map(atomEntry).join('\n')}
</feed>
`;
}

export function jsonFeed(document: VoiceDocument): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: document.title,
    description: document.description,
    home_page_url: document.urls.page,
    feed_url: document.urls.json,
    authors: [{ name: document.orgName }],
    items: document.items.map((item) => ({
      id: entryId(item),
      ...(isWebAddress(item.url) && { url: item.url }),
      title: headlineOf(item),
      content_text: item.text,
      summary: summaryOf(item),
      date_published: item.publishedAt.toISOString(),
      authors: [{ name: item.personName }],
      ...(item.spokeName && { tags: [item.spokeName] }),
      ...(item.story && isWebAddress(item.story.url) && { external_url: item.story.url }),
      // JSON Feed extensions start with an underscore.
      _herd: { kind: item.kind, network: item.network, spoke: item.spokeName },
    })),
  }, null, 2);
}
