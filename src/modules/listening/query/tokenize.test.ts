import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { hostOf, normalizeText, piecesOf, TokenPositions, urlToken, type Piece } from './tokenize.ts';

/** token → positions, for compact assertions. */
const tokensOf = (text: string) => {
  const words = new TokenPositions(text);
  return Object.fromEntries(words.tokens.map((token) => [token, [...words.positionsOf(token)!]]));
};

describe('normalizeText', () => {
  it('ignores case and accents', () => {
    assert.equal(normalizeText('Café CRÈME Ångström'), 'cafe creme angstrom');
    assert.equal(normalizeText('İstanbul'), 'istanbul');
  });

  it('folds letters that do not decompose, and typographic apostrophes and hyphens', () => {
    assert.equal(normalizeText('Straße Øresund Łódź Æther'), 'strasse oresund lodz aether');
    assert.equal(normalizeText('don’t e‐mail'), "don't e-mail");
  });

  it('maps compatibility forms to plain ones', () => {
    assert.equal(normalizeText('ＡＣＭＥ ﬁne'), 'acme fine');
  });

  it('is idempotent', () => {
    for (const text of ['Café', 'Straße', 'ＡＣＭＥ', 'e‐mail', '❤️ 👍🏽']) assert.equal(normalizeText(normalizeText(text)), normalizeText(text));
  });
});

describe('TokenPositions', () => {
  it('numbers words from 0 and keeps every position of a repeated word', () => {
    assert.deepEqual(tokensOf('Late again, late as ever.'), { late: [0, 2], again: [1], as: [3], ever: [4] });
  });

  it('drops apostrophes inside words', () => {
    assert.deepEqual(tokensOf("Don't rock'n'roll"), { dont: [0], rocknroll: [1] });
  });

  it('gives hyphenated words their parts and their joined form', () => {
    assert.deepEqual(tokensOf('my e-mail box'), { my: [0], e: [1], mail: [2], email: [1], box: [3] });
  });

  it('keeps the dots in the joined form of domains and numbers', () => {
    assert.deepEqual(tokensOf('acme.com 3.5'), { acme: [0], com: [1], 'acme.com': [0], 3: [2], 5: [3], '3.5': [2] });
    assert.deepEqual(tokensOf('my-shop.com'), { my: [0], shop: [1], com: [2], 'myshop.com': [0] });
  });

  it('reads hashtags and handles as themselves and as their word', () => {
    assert.deepEqual(tokensOf('#Fail by @Acme_Help'), { '#fail': [0], fail: [0], by: [1], '@acme_help': [2], acme_help: [2] });
  });

  it('does not read an e-mail address as a handle', () => {
    assert.deepEqual(tokensOf('jane@acme.com'), { jane: [0], acme: [1], com: [2], 'acme.com': [1] });
  });

  it('keeps a URL as one token and adds its domain', () => {
    assert.deepEqual(tokensOf('See https://www.Acme.com/Help/?a=1, now.'), { see: [0], 'acme.com/help/?a=1': [1], 'acme.com': [1], now: [2] });
    assert.deepEqual(tokensOf('www.acme.com.'), { 'acme.com/': [0], 'acme.com': [0] });
  });

  it('makes each emoji a token, with skin tones and joiner sequences, without variation selectors', () => {
    assert.deepEqual(tokensOf('great👍🏽❤️👩‍💻🇫🇷!'), { great: [0], '👍🏽': [1], '❤': [2], '👩‍💻': [3], '🇫🇷': [4] });
  });

  it('counts word positions', () => {
    assert.equal(new TokenPositions('#one two-three https://x.com 🎉').wordCount, 5);
  });
});

describe('URLs', () => {
  it('normalizes a URL to host/path without scheme, www. or trailing slash', () => {
    assert.equal(urlToken('https://www.acme.com/help/'), 'acme.com/help');
    assert.equal(urlToken('http://acme.com'), 'acme.com/');
    assert.equal(urlToken('https://acme.com?x=1'), 'acme.com/?x=1');
  });

  it('finds the host without credentials or port', () => {
    assert.equal(hostOf('https://user@www.shop.acme.com:8080/x'), 'shop.acme.com');
  });

  // The rules as regular expressions: slower than the index arithmetic in tokenize.ts, and easier to read.
  const SCHEME_AND_WWW = /^(?:https?:\/\/)?(?:www\.)?/;
  const hostByPattern = (url: string) => {
    const rest = url.replace(SCHEME_AND_WWW, '');
    const authority = rest.split(/[/?#]/)[0]!;
    return authority.slice(authority.lastIndexOf('@') + 1).replace(/:\d*$/, '').replace(/^www\./, '');
  };
  const tokenByPattern = (url: string) => {
    const rest = url.replace(SCHEME_AND_WWW, '');
    const host = rest.split(/[/?#]/)[0]!;
    const path = rest.slice(host.length);
    if (path === '') return `${host}/`;
    const slashed = path.startsWith('/') ? path : `/${path}`;
    return host + (slashed.length > 1 && slashed.endsWith('/') ? slashed.slice(0, -1) : slashed);
  };

  it('reads every URL as the regular expressions do', () => {
    const fragments = ['http://', 'https://', 'www.', 'w', 'a', '1', '80', ':', '@', '/', '?', '#', '.', '-', 'é'];
    fc.assert(fc.property(fc.array(fc.constantFrom(...fragments), { maxLength: 12 }).map((parts) => parts.join('')), (url) => {
      assert.equal(hostOf(url), hostByPattern(url));
      assert.equal(urlToken(url), tokenByPattern(url));
    }), { numRuns: 5000 });
  });
});

describe('piecesOf', () => {
  it('tells words, compounds, hashtags, handles, URLs and emoji apart', () => {
    assert.deepEqual(piecesOf('a e-mail #b @c http://d.com 🎉').map((p) => p.kind), ['word', 'compound', 'hashtag', 'handle', 'url', 'emoji']);
  });
});

/**
 * The scanner's rules as one regular expression: slower than the hand-written scanner
 * in tokenize.ts, and easier to read. The scanner must read every text the same way.
 */
const WORD = String.raw`[\p{L}\p{N}_]`;
const PIECE_PATTERN = new RegExp([
  String.raw`((?:https?:\/\/|www\.)[^\s<>"()*]*[^\s<>"()*.,;:!?'])`,
  String.raw`(?<!${WORD})#(${WORD}+)`,
  String.raw`(?<!${WORD})@(${WORD}+)`,
  String.raw`(${WORD}+(?:['.\-]${WORD}+)*)`,
  String.raw`\p{Extended_Pictographic}\p{EMod}?(?:\u200d\p{Extended_Pictographic}\p{EMod}?)*|\p{RI}{2}`,
].join('|'), 'gu');

function piecesByPattern(text: string): Piece[] {
  return [...normalizeText(text).matchAll(PIECE_PATTERN)].map((m): Piece => {
    const [whole, url, hashtag, handle, word] = m;
    if (url !== undefined) return { kind: 'url', token: urlToken(url), domain: hostOf(url).replaceAll('-', '') };
    if (hashtag !== undefined) return { kind: 'hashtag', token: `#${hashtag}`, word: hashtag };
    if (handle !== undefined) return { kind: 'handle', token: `@${handle}`, word: handle };
    if (word !== undefined) {
      const joined = word.replaceAll("'", '');
      if (!/[-.]/.test(joined)) return { kind: 'word', word: joined };
      return { kind: 'compound', parts: joined.split(/[-.]/), joined: joined.replaceAll('-', '') };
    }
    return { kind: 'emoji', token: whole };
  });
}

describe('the hand-written scanner', () => {
  const fragments = [
    'a', 'B', 'é', 'e\u0301', 'ß', 'Ø', '1', '_', ' ', '  ', '\n', '\u00a0', '\u3000', '\u2028', "'", '’', '-', '‐', '.', ',', '#', '@', ':', '/',
    '*', '(', ')', '"', '<', '?', '!', 'h', 't', 'p', 's', 'w', 'www.', 'http://', 'https://', 'acme', 'com', '👍', '🏽', '\u200d', '💻', '❤', '\ufe0f',
    '🇫', '🇷', '漢', '𝐀', '𠀀', '①', 'İ', '\u0000', '\ud83d',
  ];
  it('reads every text as its regular expression does', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...fragments), { maxLength: 30 }).map((parts) => parts.join('')), (text) => {
      assert.deepEqual(piecesOf(text), piecesByPattern(text));
    }), { numRuns: 5000 });
  });

  it('skips NFKD only for text that NFKD leaves as it is', () => {
    const slowPath = (text: string) => text.normalize('NFKD').toLowerCase().replace(/\p{M}/gu, '');
    for (const [first, last] of [[0x2600, 0x27bf], [0x1f1e6, 0x1f1ff], [0x1f300, 0x1faff]] as const) {
      for (let codePoint = first; codePoint <= last; codePoint++) {
        const text = String.fromCodePoint(codePoint);
        assert.equal(normalizeText(text), slowPath(text), codePoint.toString(16));
      }
    }
  });
});
