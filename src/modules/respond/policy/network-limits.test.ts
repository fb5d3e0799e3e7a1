import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkNetworkLimits, measureReply } from './network-limits.ts';

const longUrl = `https://acme.example/${'returns/'.repeat(10)}`;

const measures: { name: string; network: string; text: string; length: number; links?: number; mentions?: number; maxLength?: number | null; unit?: string }[] = [
  { name: 'Mastodon counts a URL as 23 and a remote mention as its local part', network: 'mastodon', text: `Hi @alice@mastodon.social see ${longUrl}`, length: 3 + 6 + 5 + 23, links: 1, mentions: 1, maxLength: 500, unit: 'graphemes' },
  { name: 'Mastodon counts a bare domain as written, not as a link', network: 'Mastodon', text: 'acme.example/x', length: 14, links: 0 },
  { name: 'Mastodon counts an emoji with a skin tone once', network: 'mastodon', text: '👍🏽👍🏽', length: 2 },
  { name: 'Bluesky counts graphemes: emoji, combining accents, CRLF', network: 'bluesky', text: '👍🏽 e\u0301\r\n!', length: 5, maxLength: 300, unit: 'graphemes' },
  { name: 'Bluesky counts flags, keycaps and families once', network: 'bluesky', text: '🇬🇧🇩🇪 1️⃣ 👨‍👩‍👧', length: 6 },
  { name: 'Bluesky counts accented letters, dashes and single emoji once each', network: 'bluesky', text: 'Café — naïve… 😞\r\n日本', length: 18 },
  { name: 'Bluesky counts links and handles as written', network: 'bluesky', text: '@alice.bsky.social https://acme.example/x', length: 41, links: 1, mentions: 1 },
  { name: 'X counts emoji and CJK as 2, and every link as 23', network: 'x', text: '👍🏽日本 acme.example/x', length: 2 + 4 + 1 + 23, links: 1, maxLength: 280, unit: 'characters' },
  { name: 'LinkedIn counts code points', network: 'linkedin', text: '👍🏽e\u0301', length: 4, maxLength: 3000 },
  { name: 'an unknown network has no limit', network: 'myspace', text: 'x'.repeat(100000), length: 100000, maxLength: null },
  { name: 'a network named like an object property is unknown too', network: 'constructor', text: 'abc', length: 3, maxLength: null },
];

describe('measuring a reply', () => {
  for (const { name, network, text, ...expected } of measures) {
    it(name, () => {
      const measure = measureReply(text, network);
      const actual = Object.fromEntries(Object.keys(expected).map((key) => [key, measure[key as keyof typeof measure]]));
      assert.deepEqual(actual, expected);
    });
  }
});

const limits: { name: string; network: string; text: string; expected: { overBy: number; from: number; length: number } | null }[] = [
  { name: 'Bluesky at exactly 300 graphemes', network: 'bluesky', text: '👍🏽'.repeat(300), expected: null },
  { name: 'Bluesky one grapheme over', network: 'bluesky', text: `${'a'.repeat(300)}👍🏽`, expected: { overBy: 1, from: 300, length: 301 } },
  { name: 'X over by a wide character', network: 'x', text: `${'a'.repeat(279)}日`, expected: { overBy: 1, from: 279, length: 281 } },
  { name: 'Mastodon over from where a link starts', network: 'mastodon', text: `${'a'.repeat(480)} ${longUrl}`, expected: { overBy: 4, from: 481, length: 504 } },
  { name: 'Mastodon not over with a long URL', network: 'mastodon', text: `${'a'.repeat(470)} ${longUrl}`, expected: null },
  { name: 'e-mail over our sanity limit', network: 'email', text: 'a'.repeat(10002), expected: { overBy: 2, from: 10000, length: 10002 } },
  { name: 'no limit on an unknown network', network: 'myspace', text: 'a'.repeat(100000), expected: null },
];

describe('network limits', () => {
  for (const { name, network, text, expected } of limits) {
    it(name, () => {
      const findings = checkNetworkLimits(text, network);
      if (expected === null) return assert.deepEqual(findings, []);
      assert.equal(findings.length, 1);
      const [finding] = findings;
      assert.deepEqual({ ruleId: finding!.ruleId, kind: finding!.kind, severity: finding!.severity, span: finding!.span },
        { ruleId: 'network-limit.length', kind: 'network-limit', severity: 'block', span: { start: expected.from, end: text.length } });
      assert.match(finding!.message, new RegExp(`at most [\\d]+ characters; this reply has ${expected.length}\\.$`));
      assert.equal(finding!.fix, `Shorten it by ${expected.overBy} character${expected.overBy === 1 ? '' : 's'}.`);
    });
  }

  it('names the network and its limit', () => {
    assert.equal(checkNetworkLimits('a'.repeat(281), 'x')[0]!.message, 'X takes at most 280 characters; this reply has 281.');
  });
});

describe('counting graphemes', () => {
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  const samples = ['a\u0301b', 'x\r\ny\r\n', 'é\r\n👍🏽 ok', '\u1100\u1161\u11a8 한국어', 'क्षत्रिय', 'กำ', '🇬🇧🇩🇪🇫', '1️⃣#️⃣', '👩🏽‍💻 — “quoted” …', 'plain ASCII only'];
  for (const text of samples) {
    it(`counts ${JSON.stringify(text)} as Intl.Segmenter does`, () => assert.equal(measureReply(text, 'bluesky').length, [...segmenter.segment(text)].length));
  }
});
