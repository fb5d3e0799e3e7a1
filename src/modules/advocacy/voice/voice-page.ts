// The public page of the company's voice: plain HTML rendered on the server, every
// piece of text escaped, no scripts (the Content-Security-Policy allows none, and
// only the page's own stylesheet, by its hash), each item with who said it, their
// spoke, what they said, where it was published and when.
import { createHash } from 'node:crypto';
import { actionOf, escapeMarkup as e, isWebAddress, type VoiceDocument } from './voice-document.ts';
import type { VoiceItem } from './voice-items.ts';

const STYLE = `body{margin:0;font:16px/1.5 system-ui,sans-serif;color:#1d232b;background:#f6f7f9}
header,main{max-width:42rem;margin:0 auto;padding:1.5rem 1rem}header{padding-bottom:0}h1{margin:0 0 .25rem;font-size:1.6rem}
.lead,.meta,.feeds{color:#5b6470;font-size:.9rem}ol{list-style:none;margin:0;padding:0}
article{background:#fff;border:1px solid #e1e4e8;border-radius:8px;padding:1rem;margin:0 0 1rem}
.who{margin:0 0 .5rem}.text{margin:0 0 .5rem;white-space:pre-wrap;overflow-wrap:anywhere}.meta{margin:0}a{color:#0b5cad}`;

/** The page allows exactly its own stylesheet, and nothing that runs. */
export const VOICE_PAGE_POLICY = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'; img-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

const timeOf = (at: Date) => `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

function itemHtml(item: VoiceItem): string {
  const where = isWebAddress(item.url) ? `<a href="${e(item.url)}" rel="nofollow noopener noreferrer">${e(actionOf(item))}</a>` : e(actionOf(item));
  const story = item.story ? `: ${isWebAddress(item.story.url) ? `<a href="${e(item.story.url)}" rel="noopener">${e(item.story.title)}</a>` : e(item.story.title)}` : '';
  return `<li><article>
<p class="who"><strong>${e(item.personName)}</strong>${item.spokeName ? ` · ${e(item.spokeName)}` : ''}</p>
<p class="text">${e(item.text)}</p>
<p class="meta">${where}${story} · <time datetime="${item.publishedAt.toISOString()}">${timeOf(item.publishedAt)}</time></p>
</article></li>`;
}

export function voicePage(document: VoiceDocument): string {
  const items = document.items.length > 0 ? `<ol>\n${document.items.map(itemHtml).join('\n')}\n</ol>` : '<p class="lead">Nothing published yet.</p>';
  const older = document.older ? `\n<p><a href="${e(document.older)}" rel="next">Older</a></p>` : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(document.title)} · ${e(document.orgName)}</title>
<link rel="alternate" type="application/atom+xml" title="${e(document.title)} (Atom)" href="${e(document.urls.atom)}">
<link rel="alternate" type="application/feed+json" title="${e(document.title)} (JSON Feed)" href="${e(document.urls.json)}">
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${e(document.title)}</h1>
<p class="lead">${e(document.description)}</p>
<p class="feeds"><a href="${e(document.urls.atom)}">Atom feed</a> · <a href="${e(document.urls.json)}">JSON Feed</a></p>
</header>
<main>
${items}${older}
</main>
</body>
</html>
`;
}
