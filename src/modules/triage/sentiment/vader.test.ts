import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeSentiment } from './analyze-sentiment.ts';
import { normalize, punctuationEmphasis, vaderScores } from './vader.ts';
import { parseVaderLexicon, VADER_LEXICON } from './vader-lexicon.ts';

const score = (text: string) => analyzeSentiment(text).score;

describe('VADER rules', () => {
  // Compound scores of vaderSentiment 3.3.2 (Hutto's reference implementation) for its own examples.
  const reference: [string, number][] = [
    ['VADER is smart, handsome, and funny.', 0.8316],
    ['VADER is smart, handsome, and funny!', 0.8439],
    ['VADER is very smart, handsome, and funny.', 0.8545],
    ['VADER is VERY SMART, handsome, and FUNNY.', 0.9227],
    ['VADER is VERY SMART, handsome, and FUNNY!!!', 0.9342],
    ['VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!', 0.9469],
    ['VADER is not smart, handsome, nor funny.', -0.7424],
    ['The book was good.', 0.4404],
    ["At least it isn't a horrible book.", 0.431],
    ['The book was only kind of good.', 0.3832],
    ['The plot was good, but the characters are uncompelling and the dialog is not great.', -0.7042],
    ['Today SUX!', -0.5461],
    ["Today only kinda sux! But I'll get by, lol", 0.5249],
    ['Not bad at all', 0.431],
    ['Sentiment analysis has never been good.', -0.3412],
    ['Sentiment analysis has never been this good!', 0.5672],
    ['Most automated sentiment analysis tools are shit.', -0.5574],
    ['With VADER, sentiment analysis is the shit!', 0.6476],
    ['Other sentiment analysis tools can be quite bad.', -0.5849],
    ['VADER is such a badass!', -0.2244],
    ['Roger Dodger is one of the most compelling variations on this theme.', 0.2944],
    ['Roger Dodger is at least compelling as a variation on the theme.', 0.2263],
    ['Roger Dodger is one of the least compelling variations on this theme.', -0.1695],
  ];
  for (const [text, compound] of reference) {
    it(`matches VADER: ${text}`, () => assert.equal(score(text), compound));
  }

  // Each row: the texts in increasing order of score.
  const orderings: [string, string[]][] = [
    ['boosters and emphasis', ['good', 'very good', 'VERY GOOD!!!']],
    ['ALL CAPS among lower case', ['the food is good', 'the food is GOOD']],
    ['exclamation marks, up to four', ['great', 'great!', 'great!!!!']],
    ['question marks amplify the direction', ['is this bad??', 'is this bad?']],
    ['dampeners', ['kind of good', 'good']],
    ['negation flips', ['not good', 'good']],
    ['negation reaches three words back', ["isn't all that good", 'all that good']],
    ['"never so" emphasises', ['never good', 'good', 'never so good']],
    ['"least" negates but "at least" does not', ['the least helpful', 'at least helpful']],
    ['"but": what follows weighs more', ['the staff were great but the food was bad', 'the food was bad but the staff were great']],
  ];
  for (const [rule, texts] of orderings) {
    it(`orders by ${rule}`, () => {
      for (let k = 1; k < texts.length; k++) {
        assert.ok(score(texts[k - 1]!) < score(texts[k]!), `${texts[k - 1]} (${score(texts[k - 1]!)}) < ${texts[k]} (${score(texts[k]!)})`);
      }
    });
  }

  it('normalises like VADER: sum / sqrt(sum² + 15), inside -1..1', () => {
    assert.equal(normalize(0), 0);
    assert.equal(normalize(1.9), 1.9 / Math.sqrt(1.9 * 1.9 + 15));
    assert.ok(normalize(1e6) <= 1 && normalize(-1e6) >= -1);
  });

  it('gives pos / neu / neg proportions that add up to one', () => {
    const { pos, neu, neg } = vaderScores([1.9, 0, 0, -1.5], 0);
    assert.ok(Math.abs(pos + neu + neg - 1) < 1e-9);
    assert.equal(neu, 2 / (2.9 + 2.5 + 2));
    assert.deepEqual(vaderScores([], 0), { compound: 0, pos: 0, neu: 0, neg: 0 });
  });

  it('counts up to four exclamation marks and caps question marks', () => {
    assert.equal(punctuationEmphasis(9, 0), 4 * 0.292);
    assert.equal(punctuationEmphasis(0, 1), 0);
    assert.equal(punctuationEmphasis(0, 2), 0.36);
    assert.equal(punctuationEmphasis(0, 7), 0.96);
  });

  it('reads the vendored lexicon: later lines win, capitalised entries are skipped, phrases kept apart', () => {
    const lexicon = parseVaderLexicon('lol\t2.9\t0.8\t[]\nlol\t1.8\t1.4\t[]\nD:\t-2.9\t1\t[]\nfed up\t-1.8\t1\t[]\nbroken\tx\n');
    assert.deepEqual([...lexicon.terms], [['lol', 1.8]]);
    assert.deepEqual([...lexicon.phrases], [['fed up', -1.8]]);
    assert.ok(VADER_LEXICON.terms.size > 7000, 'the whole lexicon is loaded');
    assert.equal(VADER_LEXICON.terms.get('good'), 1.9);
  });
});
