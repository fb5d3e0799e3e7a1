import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeSentiment } from './analyze-sentiment.ts';
import { isKnownWord } from './lexicon.ts';
import { collapseElongation, emojiKey, segmentWords, splitHashtag } from './social-rules.ts';
import { tokenize } from './tokenize.ts';

const score = (text: string) => analyzeSentiment(text).score;
const label = (text: string) => analyzeSentiment(text).label;

describe('social rules', () => {
  const elongations: [string, string, boolean][] = [
    ['sooo', 'so', true], ['goood', 'good', true], ['loooove', 'love', true], ['coool', 'cool', true],
    ['yesss', 'yes', true], ['ughhhh', 'ugh', true], ['awesomeeee', 'awesome', true],
    ['good', 'good', false], ['zzzzzz', 'zz', true], ['1000', '1000', false], ['...', '...', false],
  ];
  for (const [word, expected, elongated] of elongations) {
    it(`collapses the elongation ${word} → ${expected}`, () => {
      assert.deepEqual(collapseElongation(word, isKnownWord), { word: expected, elongated });
    });
  }

  const hashtags: [string, string[]][] = [
    ['EpicFail', ['epic', 'fail']], ['worstserviceever', ['worst', 'service', 'ever']], ['neveragain', ['never', 'again']],
    ['LoveIt', ['love', 'it']], ['AcmeRetail', ['acme', 'retail']], ['xyzzyqq', ['xyzzyqq']], ['fail', ['fail']],
  ];
  for (const [tag, words] of hashtags) {
    it(`splits #${tag} into ${words.join(' ')}`, () => assert.deepEqual(splitHashtag(tag, isKnownWord), words));
  }

  it('segments into the fewest known words or gives up', () => {
    assert.deepEqual(segmentWords('notgood', isKnownWord), ['not', 'good']);
    assert.equal(segmentWords('xqzvxqzv', isKnownWord), null);
  });

  const emoji: [string, string][] = [['❤️', '❤'], ['👍🏽', '👍'], ['🤦‍♂️', '🤦'], ['😡', '😡']];
  for (const [written, key] of emoji) {
    it(`keys the emoji ${written} as ${key}`, () => assert.equal(emojiKey(written), key));
  }

  it('tokenizes links, handles, glued emoji, emoticons and markers', () => {
    const { tokens } = tokenize('@acme great😍 see https://x.example/a?b :) #WorstServiceEver #EpicFail /s');
    assert.deepEqual(tokens.map((token) => [token.kind, token.text]), [
      ['word', 'great'], ['emoji', '😍'], ['word', 'see'], ['emoticon', ':)'],
      ['hashtag', 'worst'], ['hashtag', 'service'], ['hashtag', 'ever'], ['hashtag', 'epicfail'], ['marker', '/s'],
    ]);
  });

  // Each row: the texts in increasing order of score.
  const orderings: [string, string[]][] = [
    ['elongation emphasises', ['so good', 'sooo goood']],
    ['elongation emphasises the negative too', ['sooo baaad', 'so bad']],
    ['"af" intensifies the word before', ['good', 'good af']],
    ['emoji add their sentiment', ['the delivery came 😡', 'the delivery came', 'the delivery came 😍']],
    ['emoticons add their sentiment', ['ok :(', 'ok :/', 'ok', 'ok :)', 'ok :D']],
    ['emoticons as written: D: is sad, :D is happy', ['D:', ':D']],
    ['hashtags are read', ['great day #fail', 'great day', 'great day #blessed']],
  ];
  for (const [rule, texts] of orderings) {
    it(`orders by ${rule}`, () => {
      for (let k = 1; k < texts.length; k++) {
        assert.ok(score(texts[k - 1]!) < score(texts[k]!), `${texts[k - 1]} (${score(texts[k - 1]!)}) < ${texts[k]} (${score(texts[k]!)})`);
      }
    });
  }

  const labels: [string, 'negative' | 'neutral' | 'positive'][] = [
    // Slang
    ['this update is mid', 'negative'], ['you guys are the goat', 'positive'], ['smh', 'negative'],
    ['wtf is this', 'negative'], ['ffs', 'negative'], ['meh', 'negative'], ['this app is trash', 'negative'],
    ['rip my weekend', 'negative'], ['this song slaps', 'positive'], ['lol', 'positive'], ['it sucks', 'negative'],
    // Complaints VADER reads as neutral
    ['my flight was cancelled', 'negative'], ['on hold for an hour', 'negative'], ['still no update on my order', 'negative'],
    ['my package never arrived', 'negative'], ['no reply after 3 days', 'negative'], ["the app doesn't work", 'negative'],
    ['they lost my bag', 'negative'], ['still waiting for a refund', 'negative'], ['charged twice for one ticket', 'negative'],
    ['your customer service is a joke', 'negative'], ['train delayed', 'negative'],
    // Sarcasm
    ['thanks for nothing', 'negative'], ['yeah right', 'negative'], ['Great service /s', 'negative'],
    ['Great job... NOT', 'negative'], ['love waiting', 'negative'], ['Love waiting 40 minutes on hold', 'negative'],
    ['my flight got delayed again, thanks a lot', 'negative'], ['Great, another cancelled train', 'negative'],
    ['Wonderful service as always #not', 'negative'],
    // Sincere praise next to a problem stays positive
    ['flight delayed but the crew were great', 'positive'], ['thanks for fixing the delayed order so quickly', 'positive'],
    ['no problem at all, thanks!', 'positive'], ['I hope not', 'positive'],
  ];
  for (const [text, expected] of labels) {
    it(`labels "${text}" ${expected}`, () => assert.equal(label(text), expected, JSON.stringify(analyzeSentiment(text))));
  }

  it('does not double-count "no" before a word only a denial rates', () => {
    assert.equal(analyzeSentiment('no reply').reasons.length, 1);
  });

  it('keeps a phrase within its sentence', () => {
    assert.deepEqual(analyzeSentiment('I lost. My team won!').reasons.map((reason) => reason.term).sort(), ['lost', 'won']);
  });
});
