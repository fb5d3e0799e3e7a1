// Bluesky shows a link as a link only when a facet marks it (app.bsky.richtext.facet),
// by UTF-8 byte offsets into the text; plain "https://…" text is not clickable.

export interface LinkFacet {
  index: { byteStart: number; byteEnd: number };
  features: [{ $type: 'app.bsky.richtext.facet#link'; uri: string }];
}

const URL_IN_TEXT = /https?:\/\/[^\s<>"]+/g;
/** Punctuation that ends a sentence rather than the address. */
const TRAILING_PUNCTUATION = /[.,;:!?)\]'"]+$/;

export function linkFacets(text: string): LinkFacet[] {
  return [...text.matchAll(URL_IN_TEXT)].map((match) => {
    const uri = match[0].replace(TRAILING_PUNCTUATION, '');
    const byteStart = Buffer.byteLength(text.slice(0, match.index));
    return { index: { byteStart, byteEnd: byteStart + Buffer.byteLength(uri) }, features: [{ $type: 'app.bsky.richtext.facet#link', uri }] };
  });
}
