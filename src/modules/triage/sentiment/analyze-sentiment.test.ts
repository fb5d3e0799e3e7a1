import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeSentiment, MAX_ANALYZED_CHARS, NEGATIVE_THRESHOLD, POSITIVE_THRESHOLD } from './analyze-sentiment.ts';

describe('analyzeSentiment', () => {
  const labels: [string, 'negative' | 'neutral' | 'positive'][] = [
    ['Thanks @AcmeSupport, sorted in five minutes! 🙌', 'positive'],
    ['Absolutely love the new store downtown ❤️', 'positive'],
    ['Worst customer service ever. Never again.', 'negative'],
    ['Is the shop open on Sunday?', 'neutral'],
    ['Order #1234 shipped today', 'neutral'],
    ['@AcmeAir my flight got delayed AGAIN 🙄 #fail https://t.co/abc', 'negative'],
    ['The staff were lovely but the app keeps crashing :(', 'negative'],
  ];
  for (const [text, expected] of labels) {
    it(`labels "${text}" ${expected}`, () => assert.equal(analyzeSentiment(text).label, expected));
  }

  it('labels by the compound score against the thresholds', () => {
    for (const text of ['good', 'bad', 'the', 'not bad', 'kind of ok']) {
      const { label, score } = analyzeSentiment(text);
      const expected = score >= POSITIVE_THRESHOLD ? 'positive' : score <= NEGATIVE_THRESHOLD ? 'negative' : 'neutral';
      assert.equal(label, expected, text);
      assert.ok(score >= -1 && score <= 1);
    }
  });

  it('names the terms that moved the score, strongest first', () => {
    const { reasons } = analyzeSentiment('The staff were lovely but the app is useless 😡😡');
    assert.deepEqual(reasons.map((reason) => reason.term), ['😡', 'useless', 'lovely']);
    assert.ok(reasons[0]!.weight < reasons[1]!.weight, 'two angry faces add up');
    assert.ok(reasons[2]!.weight > 0);
  });

  it('trusts a strong one-sided post more than a weak or mixed one', () => {
    const strong = analyzeSentiment('Absolutely terrible, rude staff and a broken app!!').confidence;
    const weak = analyzeSentiment('it was kind of ok').confidence;
    const mixed = analyzeSentiment('great food, awful service').confidence;
    assert.ok(strong > weak && strong > mixed, `${strong} ${weak} ${mixed}`);
  });

  it('trusts a post in another language less', () => {
    const english = analyzeSentiment('super 😍').confidence;
    assert.ok(analyzeSentiment('super 😍', { language: 'de' }).confidence < english);
  });

  const badInputs: [string, string][] = [
    ['empty', ''],
    ['whitespace', ' \n\t '],
    ['only emoji', '😡😡😡'],
    ['only positive emoji', '😍🔥🙌'],
    ['lone high surrogate', '\uD800'],
    ['lone low surrogate in text', 'good \uDC00 day'],
    ['mixed scripts', 'こんにちは мир 你好 مرحبا good'],
    ['100,000 characters', 'This is great. '.repeat(7_000).slice(0, 100_000)],
    ['100,000 characters without spaces', 'a'.repeat(100_000)],
    ['only punctuation', '!!!???...'],
    ['only links and handles', '@acme https://acme.example/x?y=1'],
  ];
  for (const [name, text] of badInputs) {
    it(`bad input (${name}): a result with low confidence, no throw`, () => {
      const result = analyzeSentiment(text);
      assert.ok(['negative', 'neutral', 'positive'].includes(result.label));
      assert.ok(Number.isFinite(result.score) && result.score >= -1 && result.score <= 1);
      assert.ok(result.confidence <= 0.4, `confidence ${result.confidence}`);
    });
  }

  it('bad input: empty text is neutral with no confidence', () => {
    assert.deepEqual(analyzeSentiment(''), { label: 'neutral', score: 0, confidence: 0, reasons: [], proportions: { pos: 0, neu: 0, neg: 0 } });
  });

  it('bad input: only emoji still gives their direction', () => {
    assert.equal(analyzeSentiment('😡😡😡').label, 'negative');
    assert.equal(analyzeSentiment('😍🔥🙌').label, 'positive');
  });

  it('bad input: a long post is read up to the limit only', () => {
    const tail = ' awful'.repeat(1_000);
    assert.equal(analyzeSentiment('fine. '.repeat(MAX_ANALYZED_CHARS / 6 + 1) + tail).reasons.some((reason) => reason.term === 'awful'), false);
  });

  it('bad input: not a string never throws', () => {
    assert.equal(analyzeSentiment(undefined as unknown as string).confidence, 0);
    assert.equal(analyzeSentiment(42 as unknown as string).label, 'neutral');
  });

  it('keeps negation inside its sentence', () => {
    assert.equal(analyzeSentiment('My parcel still is not there. Useless!').label, 'negative');
    assert.equal(analyzeSentiment('It is not useless').label, 'positive');
  });

  it('reads only emoji and emoticons in a post known to be in another language', () => {
    const german = analyzeSentiment('Die Lieferung kam wieder zu spät', { language: 'de' });
    assert.deepEqual([german.label, german.reasons], ['neutral', []], 'German "die" is not English "die"');
    assert.equal(analyzeSentiment('Die Lieferung kam wieder zu spät 😡', { language: 'de' }).label, 'negative');
  });
});
