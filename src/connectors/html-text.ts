// Plain text from the HTML that feeds and networks send (RSS descriptions, Atom
// content, Mastodon statuses), for matching and display: tags stripped, block
// elements become line breaks, entities decoded, whitespace collapsed.

/** Latin-1 named entities in code-point order from U+00A0, so the table stays one line. */
const latin1Names =
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml';

const namedEntities: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'",
  ndash: '\u2013', mdash: '\u2014', lsquo: '\u2018', rsquo: '\u2019', sbquo: '\u201a', ldquo: '\u201c', rdquo: '\u201d', bdquo: '\u201e',
  hellip: '\u2026', bull: '\u2022', middot: '\u00b7', prime: '\u2032', Prime: '\u2033', lsaquo: '\u2039', rsaquo: '\u203a',
  euro: '\u20ac', trade: '\u2122', larr: '\u2190', rarr: '\u2192', uarr: '\u2191', darr: '\u2193', harr: '\u2194',
  ensp: '\u2002', emsp: '\u2003', thinsp: '\u2009', zwnj: '\u200c', zwj: '\u200d', lrm: '\u200e', rlm: '\u200f',
  OElig: '\u0152', oelig: '\u0153', Scaron: '\u0160', scaron: '\u0161', Yuml: '\u0178', fnof: '\u0192', circ: '\u02c6', tilde: '\u02dc',
  dagger: '\u2020', Dagger: '\u2021', permil: '\u2030', minus: '\u2212', le: '\u2264', ge: '\u2265', ne: '\u2260', infin: '\u221e',
  hearts: '\u2665', star: '\u2606', check: '\u2713',
};
latin1Names.split(' ').forEach((name, index) => {
  namedEntities[name] = String.fromCodePoint(0xa0 + index);
});

/** Decodes HTML character references: named ones we know, and every numeric one. Unknown names stay as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});?/g, (whole, reference: string) => {
    if (reference.startsWith('#')) {
      const codePoint = reference[1] === 'x' || reference[1] === 'X' ? parseInt(reference.slice(2), 16) : parseInt(reference.slice(1), 10);
      if (codePoint === 0 || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return '\ufffd';
      return String.fromCodePoint(codePoint);
    }
    // Named references need their semicolon, except the classic ones browsers accept without.
    if (!whole.endsWith(';') && !['amp', 'lt', 'gt', 'quot', 'nbsp'].includes(reference)) return whole;
    return namedEntities[reference] ?? whole;
  });
}

/** Paragraph-like elements are set apart by a blank line; list items and table rows start a new line. */
const BLOCK_ELEMENTS = 'address|article|aside|blockquote|div|dl|figcaption|figure|footer|h[1-6]|header|hr|main|nav|ol|p|pre|section|table|ul';
const blockBoundary = new RegExp(`<\\/?(?:${BLOCK_ELEMENTS})\\b[^>]*>`, 'gi');
const lineStart = /<(?:li|dt|dd|tr)\b[^>]*>/gi;

/** Plain text from an HTML fragment. Paragraph breaks survive as newlines; everything else collapses to single spaces. */
export function htmlToText(html: string): string {
  const text = html
    .replace(/<!--[\s\S]*?(?:-->|$)/g, ' ')
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
    .replace(/<(script|style|template|noscript)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)/gi, ' ')
    // Line breaks in HTML source are just spaces; only elements make lines.
    .replace(/\s+/g, ' ')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(blockBoundary, '\n\n')
    .replace(lineStart, '\n')
    // An <img> says something only through its alt text.
    .replace(/<img\b[^>]*\balt\s*=\s*("([^"]*)"|'([^']*)')[^>]*>/gi, (_tag, _quoted, double?: string, single?: string) => ` ${double ?? single ?? ''} `)
    .replace(/<\/?[A-Za-z][^>]*>/g, '')
    .replace(/<\/?[A-Za-z][^>]*$/, '');
  return normalizeWhitespace(decodeEntities(text));
}

/** Collapses runs of spaces and tabs, keeps at most one blank line, trims. */
export function normalizeWhitespace(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
