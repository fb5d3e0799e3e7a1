import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spamSignals } from './spam-signals.ts';

describe('spam signals', () => {
  const cases: [string, boolean][] = [
    ['My parcel from Acme is three days late and nobody answers the phone', false],
    ['Great giveaway at the Leeds store today, my kids loved it', false],
    ['FREE FOLLOWERS here https://spam.example', true],
    ['Follow back and DM for promo, link in bio', true],
    ['#acme #deals #sale #free #win #promo @a @b https://x.example', true],
    ['@acme the refund still has not arrived, order 12345, can you check?', false],
    ['win win win https://a.example https://b.example https://c.example make money fast', true],
  ];
  for (const [text, spam] of cases) {
    it(`${spam ? 'flags' : 'keeps'}: ${text}`, () => {
      const verdict = spamSignals(text);
      assert.equal(verdict.spam, spam, verdict.reasons.join('; '));
      if (spam) assert.ok(verdict.reasons.length > 0);
    });
  }

  it('says why', () => {
    assert.deepEqual(spamSignals('follow back, link in bio').reasons, ['says "follow back"', 'says "link in bio"']);
  });

  it('never throws on odd input', () => {
    for (const text of ['', '🙂'.repeat(5000), 'a'.repeat(100_000), '\uD800 broken']) assert.equal(typeof spamSignals(text).spam, 'boolean');
  });
});
