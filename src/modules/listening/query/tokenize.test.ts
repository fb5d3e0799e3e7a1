import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { hostOf, normalizeText, piecesOf, TokenPositions, urlToken } from './tokenize.ts';

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
});

describe('piecesOf', () => {
  it('tells words, compounds, hashtags, handles, URLs and emoji apart', () => {
    assert.deepEqual(piecesOf('a e-mail #b @c http://d.com 🎉').map((p) => p.kind), ['word', 'compound', 'hashtag', 'handle', 'url', 'emoji']);
  });
});
